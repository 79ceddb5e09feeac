import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';

/**
 * GitHub caps webhook payloads at 25 MB and drops larger deliveries, so no real delivery is larger.
 * https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap
 */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** Bytes of bodies the server holds at once, all requests together: a little over two of the largest deliveries. */
export const WEBHOOK_BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** The headers @octokit/webhooks requires; the signature in the only form GitHub sends (`sha256=` and 64 hex digits). */
const REQUIRED = ['x-github-event', 'x-github-delivery'] as const;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

type Middleware = Awaited<ReturnType<Probot['getNodeMiddleware']>>;

export interface GuardOptions {
  /** Largest body taken (GitHub's cap by default). */
  limit?: number;
  /** Most body bytes held by all requests at once; past it a request gets 503. */
  inFlight?: number;
  /** The webhook secret: a body whose signature does not match is refused here, before Probot copies it. */
  secret?: string;
}

/**
 * Puts a gate in front of Probot's webhook middleware, which reads a whole body into memory before it
 * checks the signature (@octokit/webhooks, middleware/node/get-payload.js): unsigned 50 MB cost the
 * server 1.1 GB. A POST to the webhook path without the delivery headers or a well-formed
 * `x-hub-signature-256` is answered 400 without reading its body; a declared `content-length` over
 * the limit is 413 before reading; a body is read counting its bytes (chunked ones declare none),
 * 413 as soon as it passes the limit, and 503 when the bodies of every request together would pass
 * `inFlight` (eight concurrent 24 MB bodies cost 1.1 GB before). With the secret, the signature is
 * checked on the bytes read and a mismatch is 400 before Probot decodes and copies them. Refusals
 * close the connection ({@link refuse}). The body is handed on as `request.body`, which the
 * middleware takes instead of the stream; it verifies the signature again, as it always does.
 * Both `probot run` (its Server asks the app's Probot for the middleware once the app is loaded) and
 * `createNodeMiddleware` call `getNodeMiddleware` after loading the app, so the app wraps it here.
 */
export function guardWebhookBody(app: Probot, options: GuardOptions = {}): void {
  const gate = {
    limit: options.limit ?? MAX_WEBHOOK_BYTES,
    budget: options.inFlight ?? WEBHOOK_BYTES_IN_FLIGHT,
    held: 0,
    secret: options.secret,
  };
  const inner = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (middlewareOptions = {}) => {
    const middleware = await inner(middlewareOptions);
    const path = trimSlashes(middlewareOptions.path ?? app.webhookPath);
    const guarded: Middleware = async (req: IncomingMessage, res: ServerResponse, next?: Parameters<Middleware>[2]) => {
      if (req.method !== 'POST' || pathnameOf(req.url ?? '') !== path) return middleware(req, res, next);
      const body = await admitWebhookBody(req, res, gate);
      if (body === undefined) return true;
      try {
        return await middleware(Object.assign(req, { body: body.toString('utf8') }), res, next);
      } finally {
        gate.held -= body.length;
      }
    };
    return guarded;
  };
}

interface Gate {
  limit: number;
  budget: number;
  /** Body bytes held now, all requests together. */
  held: number;
  secret?: string | undefined;
}

/**
 * The body once it is within the limits and (with the secret) correctly signed, its bytes counted in
 * `gate.held` for the caller to give back; undefined once the request was answered (or went away).
 */
export async function admitWebhookBody(
  req: IncomingMessage,
  res: ServerResponse,
  gate: Gate,
): Promise<Buffer | undefined> {
  const missing = REQUIRED.filter((name) => req.headers[name] === undefined);
  const signature = SIGNATURE.exec(String(req.headers['x-hub-signature-256'] ?? ''))?.[1];
  if (missing.length > 0) return refuse(req, res, 400, `Required headers missing: ${missing.join(', ')}`);
  if (!signature) return refuse(req, res, 400, 'x-hub-signature-256 must be sha256= and 64 hex digits');
  if (Number(req.headers['content-length']) > gate.limit)
    return refuse(req, res, 413, `payload over ${gate.limit} bytes`);
  const body = await readWithin(req, res, gate);
  if (body === undefined || gate.secret === undefined) return body;
  const expected = createHmac('sha256', gate.secret).update(body).digest();
  if (timingSafeEqual(expected, Buffer.from(signature, 'hex'))) return body;
  gate.held -= body.length;
  return refuse(req, res, 400, 'signature does not match event payload and secret');
}

/** Reads the body counting its bytes against the request's limit and everyone's budget. */
function readWithin(req: IncomingMessage, res: ServerResponse, gate: Gate): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = (answer?: () => undefined) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onGone);
      gate.held -= size;
      chunks.length = 0;
      resolve(answer?.());
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > gate.limit)
        return stop(() => refuse(req, res, 413, `payload over ${gate.limit} bytes`));
      if (gate.held + chunk.length > gate.budget)
        return stop(() =>
          refuse(req, res, 503, 'too many webhook bodies in flight; try again', { 'retry-after': '5' }),
        );
      size += chunk.length;
      gate.held += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      req.off('data', onData).off('error', onGone).off('close', onGone);
      resolve(Buffer.concat(chunks, size));
    };
    const onGone = () => {
      stop();
      res.destroy();
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
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  error: string,
  headers: Record<string, string> = {},
): undefined {
  const body = JSON.stringify({ error });
  res.once('finish', () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), LINGER_MS).unref();
  });
  res
    .writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
    .end(body);
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
