import { findProvider } from '../../src/providers/canonical-provider.js';
import { checkKeyOnline as askProvider, type LiveCheck } from '../../src/providers/check-key-online.js';

export const hasLiveCheck = (provider: string): boolean => findProvider(provider)?.liveCheck !== undefined;

/**
 * Asks the provider whether the key is live, with the check its record in src/providers/ describes.
 * `baseUrl` '' means the public API.
 */
export async function checkKeyOnline(
  value: string,
  provider: string,
  baseUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LiveCheck> {
  const check = findProvider(provider)?.liveCheck;
  if (!check) return { status: 'unknown', detail: `no online check for provider ${provider}` };
  return askProvider(value, check, baseUrl, fetchImpl);
}
