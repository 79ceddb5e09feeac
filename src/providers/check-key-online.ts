import type { FetchLike, LiveCheckAuth, LiveCheckEndpoint } from './provider.js';

export type LiveStatus = 'valid' | 'invalid' | 'rate-limited' | 'unknown';

export interface LiveCheck {
  status: LiveStatus;
  /** What the provider answered, e.g. "401 from GET https://api.openai.com/v1/models". */
  detail: string;
}

/** The most of a body read to find an `answer` field (Slack's auth.test answers in well under 1 KiB). */
const MAX_ANSWER_BYTES = 8 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Asks the provider whether the key is live, the way its record describes. The key goes only into
 * the header the vendor documents; the request goes only to `baseUrl` (or the record's public API
 * when it is '') and a redirect is never followed. The body is not read, except a few KiB of it
 * for an `answer` field, and nothing of it is echoed: an API can repeat the key back.
 */
export async function checkKeyOnline(
  value: string,
  check: LiveCheckEndpoint,
  baseUrl: string,
  fetchImpl: FetchLike,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<LiveCheck> {
  const method = check.method ?? 'GET';
  const url = `${(baseUrl || check.defaultUrl).replace(/\/+$/, '')}${check.path}`;
  const asked = `${method} ${shownUrl(url)}`;
  try {
    const response = await fetchImpl(url, {
      method,
      headers: { ...check.headers, ...authHeader(check.auth ?? 'bearer', value) },
      // A redirect could take the key to another host: its answer is unknown, and it is not followed.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const { status } = response;
    const detail = `${status} from ${asked}`;
    if ((check.live ?? [200]).includes(status) && check.answer) {
      return judgeAnswer(await readCapped(response.body), check.answer, detail);
    }
    await response.body?.cancel();
    if (status >= 300 && status < 400) return { status: 'unknown', detail: `${detail} (a redirect, not followed)` };
    if ((check.live ?? [200]).includes(status)) return { status: 'valid', detail };
    if ((check.refused ?? [401]).includes(status)) return { status: 'invalid', detail };
    if (status === 429) return { status: 'rate-limited', detail };
    return { status: 'unknown', detail };
  } catch (error) {
    return { status: 'unknown', detail: `${asked} failed: ${failureReason(error, timeoutMs)}` };
  }
}

function authHeader(auth: LiveCheckAuth, value: string): Record<string, string> {
  if (auth === 'bearer') return { authorization: `Bearer ${value}` };
  if (auth === 'token') return { authorization: `token ${value}` };
  if (auth === 'basic') return { authorization: `Basic ${Buffer.from(`${value}:`).toString('base64')}` };
  return { [auth.header.toLowerCase()]: value };
}

/** The URL as a report may show it: no user name, password, query or fragment. */
function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return '(an invalid URL)';
  }
}

/** A body of at most MAX_ANSWER_BYTES, or undefined (longer, or none). */
async function readCapped(body: Awaited<ReturnType<FetchLike>>['body']): Promise<string | undefined> {
  if (!body || !('getReader' in body)) {
    await body?.cancel();
    return undefined;
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Judges a 200 by its `answer` fields; only a reason from the record's own list is named. */
function judgeAnswer(text: string | undefined, answer: NonNullable<LiveCheckEndpoint['answer']>, detail: string) {
  let data: unknown;
  try {
    data = text === undefined ? undefined : JSON.parse(text);
  } catch {
    data = undefined;
  }
  if (typeof data !== 'object' || data === null) {
    return { status: 'unknown' as const, detail: `${detail}, an answer that could not be read` };
  }
  const ok = (data as Record<string, unknown>)[answer.ok];
  const reason = (data as Record<string, unknown>)[answer.error];
  if (ok === true) return { status: 'valid' as const, detail: `${detail}, ${answer.ok}: true` };
  if (ok === false && typeof reason === 'string' && answer.refused.includes(reason)) {
    return { status: 'invalid' as const, detail: `${detail}, ${answer.ok}: false (${reason})` };
  }
  return { status: 'unknown' as const, detail: `${detail}, ${answer.ok}: not true, for another reason` };
}

/**
 * Why a request failed, in words that cannot carry the key: a timeout, or the system's error code
 * (ECONNREFUSED). An error's own message can quote a header value, so it is never shown.
 */
function failureReason(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return `no answer within ${Number((timeoutMs / 1000).toFixed(1))} s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = cause?.code;
  if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) return code;
  return 'the request could not be made';
}
