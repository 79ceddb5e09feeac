import { hideAdminKey } from '../hide-admin-key.js';
import { AdminApiError, type AdminClientOptions } from '../provider-admin.js';

export interface AdminRequest {
  /** One call: the JSON answer, or an `AdminApiError` that names no key and quotes no body. */
  call(method: 'GET' | 'POST', path: string, options?: { query?: URLSearchParams; body?: unknown }): Promise<unknown>;
  /** The client's error: one line naming the variable the admin key came from. */
  fail(what: string, status?: number): AdminApiError;
}

/** The public API (`ADMIN_APIS.anthropic.defaultBaseUrl`; not imported, which would make a cycle). */
const PUBLIC_BASE_URL = 'https://api.anthropic.com';
/** The version the Admin API docs' examples send. */
const ANTHROPIC_VERSION = '2023-06-01';
/** A page of 1000 keys is ~0.5 MB and a week of hourly usage rows for 1000 keys ~8 MB. */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_S = 30;
const DEFAULT_MAX_RETRY_WAIT_S = 60;
/** Retries of one request (429, 529 overloaded, and the 5xx a gateway gives). */
const MAX_RETRIES = 4;
const RETRIED = new Set([429, 500, 502, 503, 504, 529]);

/** Seconds from `retry-after` (seconds or an HTTP date), or null when absent or unreadable. */
export function retryAfterSeconds(value: string | null, now: number): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, (at - now) / 1000);
}

/**
 * Calls the Admin API with the admin key in `x-api-key` (as the docs do), to the base URL only: a
 * redirect is an error, never followed (`redirect: 'manual'`), so the key never reaches another host.
 * Answers are read up to `MAX_RESPONSE_BYTES`; 429 and 5xx are retried, waiting as `retry-after` says
 * up to `maxRetryWait` seconds.
 */
export function createAdminRequest(options: AdminClientOptions): AdminRequest {
  const base = (options.baseUrl || PUBLIC_BASE_URL).replace(/\/+$/, '');
  const variable = options.keyVariable ?? 'ANTHROPIC_ADMIN_KEY';
  const timeoutMs = (options.timeout ?? DEFAULT_TIMEOUT_S) * 1000;
  const maxWait = options.maxRetryWait ?? DEFAULT_MAX_RETRY_WAIT_S;
  const fail = (what: string, status?: number) =>
    new AdminApiError(`Anthropic Admin API (${variable}): ${what}`, status);

  const call: AdminRequest['call'] = async (method, path, { query, body } = {}) => {
    // A header cannot carry a control character, and fetch's own error would quote the value.
    if (!/^[\x21-\x7e]+$/.test(options.adminKey))
      throw fail('the admin key is empty or has characters a header cannot carry');
    const url = `${base}${path}${query && query.size ? `?${query}` : ''}`;
    const what = `${method} ${path}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await options.fetch(url, {
          method,
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
          headers: {
            'x-api-key': options.adminKey,
            'anthropic-version': ANTHROPIC_VERSION,
            accept: 'application/json',
            ...(body !== undefined && { 'content-type': 'application/json' }),
          },
          ...(body !== undefined && { body: JSON.stringify(body) }),
        });
      } catch (error) {
        throw fail(hideAdminKey(describeFetchFailure(error, what, timeoutMs), options.adminKey));
      }
      const { status } = response;
      if (status >= 200 && status < 300) return readJson(response, what, fail);
      await response.body?.cancel().catch(() => undefined);
      if (status >= 300 && status < 400) throw fail(`${status} (a redirect, not followed) from ${what}`, status);
      if (status === 401 || status === 403) {
        throw fail(`${status} from ${what}: the admin key was refused (is it an admin key, and still active?)`, status);
      }
      if (!RETRIED.has(status) || attempt >= MAX_RETRIES) throw fail(`${status} from ${what}`, status);
      const asked = retryAfterSeconds(response.headers.get('retry-after'), Date.now());
      const wait = asked ?? Math.min(2 ** attempt, maxWait);
      if (wait > maxWait) {
        throw fail(
          `${status} from ${what}, asked to wait ${Math.ceil(wait)} s (more than the ${maxWait} s allowed)`,
          status,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
    }
  };
  return { call, fail };
}

function describeFetchFailure(error: unknown, call: string, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer to ${call} within ${timeoutMs / 1000} s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return `${call} failed${cause ? `: ${cause}` : ''}`;
}

/** The answer's JSON, read up to the cap; an answer past it is dropped unread. */
async function readJson(response: Response, call: string, fail: (what: string) => AdminApiError): Promise<unknown> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_RESPONSE_BYTES || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    if (declared > MAX_RESPONSE_BYTES) throw fail(`the answer to ${call} is larger than ${MAX_RESPONSE_BYTES} bytes`);
    throw fail(`an empty answer to ${call}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_RESPONSE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw fail(`the answer to ${call} is larger than ${MAX_RESPONSE_BYTES} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof AdminApiError) throw error;
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw fail(timedOut ? `no whole answer to ${call} in time` : `the answer to ${call} broke off`);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw fail(`the answer to ${call} is not JSON`);
  }
}
