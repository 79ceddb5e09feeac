import { canonicalProvider } from '../../providers/canonical-provider.js';
import { ownerOfDetector } from '../../providers/owner-of-detector.js';
import { providerPhrases } from '../../providers/provider-phrases.js';
import { providers } from '../../providers/registry.js';
import type { IncidentMarker } from '../incident-marker.js';

/** Provider groups whose vendor the detector id names instead (`other`), or that have none of ours (`custom`). */
const BY_DETECTOR = new Set(['other', 'custom']);

/**
 * The vendor an incident is about: the marker's provider, or — for vendors without a group of their
 * own (`other`, `custom`), and for markers written before they carried one — the provider whose id
 * starts the detector id (`gitlab-token` → `gitlab`, `azure-openai-key` → `azure-openai`; src/providers/owner-of-detector.ts).
 */
export function incidentProvider(marker: Pick<IncidentMarker, 'provider' | 'detector'>): string | undefined {
  const provider = marker.provider && canonicalProvider(marker.provider);
  if (provider && !BY_DETECTOR.has(provider)) return provider;
  return marker.detector ? ownerOfDetector(marker.detector)?.id : undefined;
}

/**
 * Whether a secret's name names `provider`: one of its phrases appears as whole words
 * (`OPENAI_API_KEY`, `PROD_OPENAI_KEY`, not `OPENAIRE_KEY`), and no other known provider's longer
 * phrase covers the name (`AZURE_OPENAI_KEY` is Azure OpenAI's, not OpenAI's).
 */
export function namesProvider(secretName: string, provider: string): boolean {
  const words = secretName.toUpperCase().split(/_+/).filter(Boolean);
  const own = longestMatch(words, provider);
  if (own === 0) return false;
  return providers.every((other) => other.id === provider || longestMatch(words, other.id) <= own);
}

/** The longest phrase of `provider` found in `words`, in words; 0 when none is. */
function longestMatch(words: readonly string[], provider: string): number {
  // A provider no record has (a policy's own name) is named by its own words, as a record with no alias.
  const phrases = providerPhrases(providers.find((p) => p.id === provider) ?? { id: provider, aliases: [] });
  return Math.max(0, ...phrases.filter((phrase) => containsRun(words, phrase)).map((phrase) => phrase.length));
}

function containsRun(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}
