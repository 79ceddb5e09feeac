import { findProvider } from '../../src/providers/canonical-provider.js';
import { liveCheckFor } from '../../src/providers/live-check-for.js';
import { checkKeyOnline as askProvider, type LiveCheck } from '../../src/providers/check-key-online.js';

/** Whether the provider has a live check for this kind of key (and this key's prefix). */
export const hasLiveCheck = (provider: string, detectorId: string, value: string): boolean =>
  findProvider(provider)?.liveCheck !== undefined && liveCheckFor(detectorId, value) !== undefined;

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
