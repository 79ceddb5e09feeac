import { AdminApiError } from '../provider-admin.js';
import { readCappedJson } from './read-capped-json.js';

/** How the client talks to OpenAI's Administration API; every field but the first three has a default. */
export interface RequestSettings {
  adminKey: string;
  /** `https://api.openai.com/v1` or a stand-in's; no trailing slash. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  /** The variable the admin key came from, for messages. */
  keyVariable: string;
  /** Seconds to wait on a 429 at most; a longer Retry-After is an error. */
  maxRetryWait: number;
  /** Attempts per request (the first included) on 429 and 5xx. */
  attempts: number;
  /** Milliseconds one attempt may take, body included. */
  timeoutMs: number;
  /** Bytes one answer may hold. */
  maxBodyBytes: number;
  sleep: (ms: number) => Promise<void>;
}

export interface OpenAiRequest {
  /** The answer's JSON. */
  call(method: 'GET' | 'DELETE', path: string, query?: URLSearchParams): Promise<unknown>;
  /** The error for an answer that is not what the API documents (`where` is `GET /path`). */
  malformed(where: string, problem: string): AdminApiError;
}

const RETRIED = new Set([429, 500, 502, 503, 504]);

/**
 * One JSON request to the admin API, with the admin key in `Authorization: Bearer` and nowhere else:
 * a redirect is an error, never followed (`redirect: 'manual'`), so the key reaches only the base URL's
 * host. 429 waits its `Retry-After` (up to `maxRetryWait`), 5xx a short backoff, a few attempts in all.
 * A failure is an `AdminApiError` of one line naming the key's variable, the status and the path: never
 * the key, never the body (which may echo it).
 */
export function createOpenAiRequest(settings: RequestSettings): OpenAiRequest {
  const base = baseUrlOf(settings);
  const malformed = (where: string, problem: string) =>
    new AdminApiError(`OpenAI's admin API answered ${problem} (${where}, with ${settings.keyVariable})`, undefined);
  const call: OpenAiRequest['call'] = async (method, path, query) => {
    const url = new URL(`${settings.baseUrl}${path}${query && query.size > 0 ? `?${query}` : ''}`);
    // Ids in paths come from the API's own answers: they may not climb out of the base URL.
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) {
      throw new AdminApiError(
        `OpenAI's admin API: refusing a path outside ${settings.keyVariable}'s base URL`,
        undefined,
      );
    }
    const where = `${method} ${path}`;
    for (let attempt = 1; ; attempt += 1) {
      const response = await send(settings, url, method, where);
      if (response.ok) {
        return readCappedJson(response, settings.maxBodyBytes, (problem) => malformed(where, problem));
      }
      await response.body?.cancel().catch(() => undefined);
      const wait = retryWait(response, attempt, settings);
      if (wait === null) throw refusal(settings, where, response, attempt);
      await settings.sleep(wait);
    }
  };
  return { call, malformed };
}

/**
 * The base URL, parsed. Plain `http:` only to this machine (a stand-in in tests): anywhere else the admin
 * key would cross the network readable.
 */
function baseUrlOf(settings: RequestSettings): URL {
  let base: URL;
  try {
    base = new URL(`${settings.baseUrl}/`);
  } catch {
    throw new AdminApiError(`the base URL for ${settings.keyVariable} is not a URL`, undefined);
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname) || /^127\./.test(base.hostname);
  if (base.protocol !== 'https:' && !(base.protocol === 'http:' && loopback)) {
    throw new AdminApiError(
      `refusing to send ${settings.keyVariable} to ${base.protocol}//${base.host}: only https (or http to this machine)`,
      undefined,
    );
  }
  return base;
}

async function send(settings: RequestSettings, url: URL, method: string, where: string): Promise<Response> {
  try {
    return await settings.fetch(url, {
      method,
      headers: { authorization: `Bearer ${settings.adminKey}`, accept: 'application/json' },
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const what = timedOut ? `did not answer within ${settings.timeoutMs / 1000}s` : 'could not be reached';
    throw new AdminApiError(`OpenAI's admin API ${what} (${where}, with ${settings.keyVariable})`, undefined);
  }
}

/** Milliseconds to wait before the next attempt, or null when this answer is final. */
function retryWait(response: Response, attempt: number, settings: RequestSettings): number | null {
  if (!RETRIED.has(response.status) || attempt >= settings.attempts) return null;
  const backoff = Math.min(500 * 2 ** (attempt - 1), settings.maxRetryWait * 1000);
  const asked = response.status === 429 ? retryAfterSeconds(response) : null;
  if (asked === null) return backoff;
  return asked > settings.maxRetryWait ? null : asked * 1000;
}

/** A 429's `Retry-After` in seconds (a number or an HTTP date), or null when absent or unreadable. */
function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return null;
  const seconds = /^\d+(\.\d+)?$/.test(header) ? Number(header) : (Date.parse(header) - Date.now()) / 1000;
  return Number.isFinite(seconds) ? Math.max(0, seconds) : null;
}

function refusal(settings: RequestSettings, where: string, response: Response, attempts: number): AdminApiError {
  const status = response.status;
  if (status === 401 || status === 403) {
    return new AdminApiError(`${settings.keyVariable} was refused: ${status} from ${where}`, status);
  }
  if (status >= 300 && status < 400) {
    return new AdminApiError(
      `OpenAI's admin API answered a redirect (${status} from ${where}), which is not followed: ${settings.keyVariable} goes to its base URL only`,
      status,
    );
  }
  if (status === 429) {
    const asked = retryAfterSeconds(response);
    const why =
      asked !== null && asked > settings.maxRetryWait
        ? `it asked to wait ${Math.ceil(asked)}s, more than the ${settings.maxRetryWait}s allowed`
        : `${attempts} attempts`;
    return new AdminApiError(
      `OpenAI's admin API kept rate-limiting ${settings.keyVariable}: 429 from ${where} (${why})`,
      status,
    );
  }
  return failure(settings, where, status, 'failed with');
}

function failure(settings: RequestSettings, where: string, status: number, verb: string): AdminApiError {
  return new AdminApiError(`OpenAI's admin API ${verb} ${status} from ${where} (with ${settings.keyVariable})`, status);
}
