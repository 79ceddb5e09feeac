import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findProvider } from '../../src/providers/canonical-provider.js';
import type { LiveCheckEndpoint } from '../../src/providers/provider.js';

/**
 * What the stand-in answers for one key: works, refused, rate-limited, never answers, a redirect
 * to another server, or a status of the test's choosing.
 */
export type StandInAnswer = 'live' | 'revoked' | 'rate-limited' | 'hang' | { redirect: string } | { status: number };

/** One request as the stand-in got it. `key` is what the documented header (or Basic user) held. */
export interface StandInRequest {
  method: string;
  path: string;
  key: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ProviderStandIn {
  /** `http://127.0.0.1:<port>`: what `--verify-url <provider>=` points at. */
  url: string;
  requests: StandInRequest[];
  /** What to answer per key; a key not listed is refused. */
  answers: Map<string, StandInAnswer>;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for one provider's live-check endpoint, as its record
 * describes it: it reads the key only from the header the vendor documents, answers the record's
 * path and method (404 otherwise), and answers the vendor's way — a live key with the record's first
 * live status, a refused one with 401, or for Slack 200 with `ok: false`.
 */
export async function startProviderStandIn(providerId: string): Promise<ProviderStandIn> {
  const check = findProvider(providerId)?.liveCheck;
  if (!check) throw new Error(`provider ${providerId} has no live check`);
  const requests: StandInRequest[] = [];
  const answers = new Map<string, StandInAnswer>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = keyOf(req, check);
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        key,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (req.url !== check.path || req.method !== (check.method ?? 'GET')) return json(404, { error: 'not found' });
      const missing = Object.entries(check.headers ?? {}).some(([name, value]) => req.headers[name] !== value);
      if (missing) return json(400, { error: 'a required header is missing' });
      const answer = (key !== undefined && answers.get(key)) || 'revoked';
      if (answer === 'hang') return; // never answers; close() ends the socket
      if (typeof answer === 'object' && 'redirect' in answer) {
        return res.writeHead(302, { location: answer.redirect }).end();
      }
      if (typeof answer === 'object') return json(answer.status, { echo: key });
      if (answer === 'rate-limited') return json(429, { error: 'rate limited' });
      if (check.answer) {
        // Slack's way: 200 either way, `ok` says which. The refused answer echoes the key, as an API might.
        return json(200, answer === 'live' ? { ok: true } : { ok: false, error: 'invalid_auth', echo: key });
      }
      if (answer === 'live') return json((check.live ?? [200])[0]!, { id: 'account' });
      return json(401, { error: { message: `bad key ${key ?? ''}` } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answers,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The key where the record says the vendor takes it, or undefined when it is not there. */
function keyOf(req: IncomingMessage, check: LiveCheckEndpoint): string | undefined {
  const auth = check.auth ?? 'bearer';
  const authorization = req.headers.authorization ?? '';
  if (auth === 'bearer') return /^Bearer (.+)$/.exec(authorization)?.[1];
  if (auth === 'token') return /^token (.+)$/.exec(authorization)?.[1];
  if (auth === 'basic') {
    const decoded = Buffer.from(/^Basic (.+)$/.exec(authorization)?.[1] ?? '', 'base64').toString('utf8');
    return decoded.endsWith(':') ? decoded.slice(0, -1) : undefined;
  }
  const value = req.headers[auth.header.toLowerCase()];
  return typeof value === 'string' ? value : undefined;
}
