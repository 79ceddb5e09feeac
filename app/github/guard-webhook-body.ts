import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';

/**
 * GitHub caps webhook payloads at 25 MB and drops larger deliveries, so no real delivery is larger.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap
 */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** The headers @octokit/webhooks requires; the signature in the only form GitHub sends (`sha256=` and 64 hex digits). */
const REQUIRED = ['x-github-event', 'x-github-delivery'] as const;
const SIGNATURE = /^sha256=[0-9a-f]{64}$/i;

type Middleware = Awaited<ReturnType<Probot['getNodeMiddleware']>>;

/**
 * Puts a gate in front of Probot's webhook middleware, which reads a whole body into memory before it
 * checks the signature (@octokit/webhooks, middleware/node/get-payload.js): unsigned 50 MB cost the
 * server 1.1 GB. A POST to the webhook path without the delivery headers or a well-formed
 * `x-hub-signature-256` is answered 400 without reading its body; a declared `content-length` over
 * `limit` is 413 before reading; a body is read counting its bytes (chunked ones declare none) and
 * 413 as soon as it passes `limit`. Refusals close the connection ({@link refuse}): the rest of
 * the body is discarded as it comes, for a moment, never kept. The body read is handed on as `request.body`, which
 * the middleware takes instead of the stream; it still verifies the signature.
 * Both `probot run` (its Server asks the app's Probot for the middleware once the app is loaded) and
 * `createNodeMiddleware` call `getNodeMiddleware` after loading the app, so the app wraps it here.
 */
export function guardWebhookBody(app: Probot, limit = MAX_WEBHOOK_BYTES): void {
  const inner = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (options = {}) => {
    const middleware = await inner(options);
    const path = trimSlashes(options.path ?? app.webhookPath);
    const guarded: Middleware = async (req: IncomingMessage, res: ServerResponse, next?: Parameters<Middleware>[2]) => {
      if (req.method !== 'POST' || pathnameOf(req.url ?? '') !== path) return middleware(req, res, next);
      const body = await admitWebhookBody(req, res, limit);
      if (body === undefined) return true;
      Object.assign(req, { body });
      return middleware(req, res, next);
    };
    return guarded;
  };
}

/** The body as text once it is within `limit` and signed; undefined once the request was answered (or went away). */
export async function admitWebhookBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string | undefined> {
  const missing = REQUIRED.filter((name) => req.headers[name] === undefined);
  const signature = req.headers['x-hub-signature-256'];
  if (missing.length > 0) return refuse(req, res, 400, `Required headers missing: ${missing.join(', ')}`);
  if (typeof signature !== 'string' || !SIGNATURE.test(signature)) return refuse(req, res, 400, 'x-hub-signature-256 must be sha256= and 64 hex digits');
  const declared = Number(req.headers['content-length']);
  if (declared > limit) return refuse(req, res, 413, `payload over ${limit} bytes`);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      chunks.length = 0;
      resolve(refuse(req, res, 413, `payload over ${limit} bytes`));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onGone = () => {
      stop();
      res.destroy();
      resolve(undefined);
    };
    req.on('data', onData).once('end', onEnd).once('error', onGone).once('close', onGone);
  });
}

/** How long a refused connection stays open after the answer, its remaining bytes discarded. */
const LINGER_MS = 2_000;

/**
 * The answer, then a lingering close: this side ends, what the client still sends is discarded
 * (nothing kept), and the connection is dropped a moment later. Dropping it at once with the
 * client's bytes unread resets it, and the client loses the answer with it (RFC 9112, section 9.6).
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, error: string): undefined {
  const body = JSON.stringify({ error });
  res.once('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  req.resume();
  return undefined;
}

/** The path as @octokit/webhooks matches it: trailing slashes dropped, then the URL's pathname. */
function pathnameOf(url: string): string | undefined {
  try {
    return new URL(trimSlashes(url), 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}

function trimSlashes(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}
