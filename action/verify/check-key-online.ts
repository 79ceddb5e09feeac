export type LiveStatus = 'valid' | 'invalid' | 'rate-limited' | 'unknown';

export interface LiveCheck {
  status: LiveStatus;
  /** What the provider answered, e.g. "401 from GET https://api.openai.com/v1/models". */
  detail: string;
}

/** Where each provider with a live check answers, and its public API. */
const LIVE_CHECKS: Readonly<Record<string, { defaultUrl: string; path: string }>> = {
  // OpenAI's API: 200 valid, 401 invalid or revoked, 429 quota/rate, else unknown.
  // https://platform.openai.com/docs/guides/error-codes
  openai: { defaultUrl: 'https://api.openai.com', path: '/v1/models' },
};

export const hasLiveCheck = (provider: string): boolean => provider.toLowerCase() in LIVE_CHECKS;

/**
 * Asks the provider whether the key is live. The key goes only into the Authorization header;
 * the answer's body is never read (it could echo the key). `baseUrl` '' means the public API.
 */
export async function checkKeyOnline(value: string, provider: string, baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<LiveCheck> {
  const check = LIVE_CHECKS[provider.toLowerCase()];
  if (!check) return { status: 'unknown', detail: `no online check for provider ${provider}` };
  const url = `${(baseUrl || check.defaultUrl).replace(/\/+$/, '')}${check.path}`;
  let status: number;
  try {
    const response = await fetchImpl(url, { headers: { authorization: `Bearer ${value}` }, signal: AbortSignal.timeout(15_000) });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    return { status: 'unknown', detail: `GET ${url} failed: ${reason}` };
  }
  const detail = `${status} from GET ${url}`;
  if (status === 200) return { status: 'valid', detail };
  if (status === 401) return { status: 'invalid', detail };
  if (status === 429) return { status: 'rate-limited', detail };
  return { status: 'unknown', detail };
}
