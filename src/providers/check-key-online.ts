import type { FetchLike, LiveCheckEndpoint } from './provider.js';

export type LiveStatus = 'valid' | 'invalid' | 'rate-limited' | 'unknown';

export interface LiveCheck {
  status: LiveStatus;
  /** What the provider answered, e.g. "401 from GET https://api.openai.com/v1/models". */
  detail: string;
}

/**
 * Asks the provider whether the key is live. The key goes only into the Authorization header;
 * the answer's body is never read (it could echo the key). `baseUrl` '' means the public API.
 */
export async function checkKeyOnline(
  value: string,
  check: LiveCheckEndpoint,
  baseUrl: string,
  fetchImpl: FetchLike,
): Promise<LiveCheck> {
  const url = `${(baseUrl || check.defaultUrl).replace(/\/+$/, '')}${check.path}`;
  let status: number;
  try {
    const response = await fetchImpl(url, {
      headers: { authorization: `Bearer ${value}` },
      signal: AbortSignal.timeout(15_000),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason =
      error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { status: 'unknown', detail: `GET ${url} failed: ${reason}` };
  }
  const detail = `${status} from GET ${url}`;
  if (status === 200) return { status: 'valid', detail };
  if (status === 401) return { status: 'invalid', detail };
  if (status === 429) return { status: 'rate-limited', detail };
  return { status: 'unknown', detail };
}
