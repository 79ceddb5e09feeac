import { ownerOfDetector } from './owner-of-detector.js';
import type { LiveCheckEndpoint, ProviderRecord } from './provider.js';

/**
 * The live check that can judge a key its detector found, with the record that owns it: undefined
 * when the record has none, or when its check is for other kinds of its keys (an Anthropic admin
 * key, a GitLab deploy token, a Stripe webhook secret cannot call the identity endpoint, and a
 * refusal would read as "revoked").
 */
export function liveCheckFor(
  detectorId: string,
  secret: string,
): { provider: ProviderRecord; check: LiveCheckEndpoint } | undefined {
  const provider = ownerOfDetector(detectorId);
  const check = provider?.liveCheck;
  if (!provider || !check) return undefined;
  if (check.detectors && !check.detectors.includes(detectorId)) return undefined;
  if (check.prefixes && !check.prefixes.some((p) => secret.startsWith(p))) return undefined;
  return { provider, check };
}
