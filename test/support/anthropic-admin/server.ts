import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EmulatorClock } from '../github-emulator/clock.js';
import type { Faults, RecordedRequest } from './faults.js';
import { ApiError, errorBody, type Answer } from './http.js';
import { route } from './routes.js';
import type { AdminState } from './state.js';

const BODY_MAX = 65_536;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > BODY_MAX) reject(new ApiError(413, 'Request body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, answer: Answer, requestId: string | null): void {
  res.writeHead(answer.status, {
    'content-type': 'application/json',
    ...(requestId && { 'request-id': requestId }),
    ...answer.headers,
  });
  res.end(JSON.stringify(answer.body));
}

/**
 * The HTTP side: records the request, applies an intercept or an injected failure if one is due, else
 * routes it; an `ApiError` becomes the vendor's error JSON.
 */
export function createAdminServer(
  state: AdminState,
  clock: EmulatorClock,
  faults: Faults,
  requests: RecordedRequest[],
): Server {
  let served = 0;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    served += 1;
    const requestId = `req_emu${String(served).padStart(6, '0')}`;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded = { method: req.method ?? 'GET', path: url.pathname, query: url.search };
    requests.push(recorded);
    try {
      const intercept = faults.takeIntercept(url.pathname);
      if (intercept) {
        const raw = intercept(recorded);
        if (raw === 'hang') return; // the socket stays open until close()
        res.writeHead(raw.status, raw.headers);
        res.end(raw.body);
        return;
      }
      const failure = faults.takeFailure(url.pathname);
      if (failure) {
        const headers = {
          ...failure.headers,
          ...(failure.retryAfter !== undefined && { 'retry-after': String(failure.retryAfter) }),
        };
        const body = failure.body ?? errorBody(failure.status, 'Injected failure', requestId);
        send(res, { status: failure.status, body, headers }, requestId);
        return;
      }
      const text = await readBody(req);
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        throw new ApiError(400, 'Request body is not valid JSON');
      }
      const now = clock.now();
      send(
        res,
        route(state, {
          method: recorded.method,
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body,
          now,
        }),
        requestId,
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      send(
        res,
        { status: error.status, body: errorBody(error.status, error.message, requestId), headers: error.headers },
        requestId,
      );
    }
  }
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A bug in the emulator: answer 500 in the vendor's shape so the test sees it, and say why.
      console.error('anthropic-admin-emulator:', error);
      if (!res.headersSent) send(res, { status: 500, body: errorBody(500, 'Emulator error', null) }, null);
    });
  });
}
