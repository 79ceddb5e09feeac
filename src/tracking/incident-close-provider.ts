import type { IncidentMarker } from './incident-marker.js';

/**
 * Other names people give a provider, in a policy's `provider:` and in secret names. A name's
 * words come from the id and each alias (`azure-openai` → `AZURE_OPENAI`), so this table only lists
 * what the id alone does not say. Providers with no vendor of their own (`generic`, `privatekey`)
 * name no secret: their incidents close by policy `keys` entries or `/resolved` only.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  openai: ['open-ai'],
  anthropic: ['claude'],
  aws: ['amazon'],
  github: ['gh'],
  google: ['gcp', 'gemini', 'firebase'],
  huggingface: ['hf', 'hugging-face'],
  'azure-openai': [],
  onepassword: ['op', '1password'],
  flyio: ['fly'],
  docker: ['dockerhub', 'docker-hub'],
  terraform: ['tf'],
  generic: [],
  privatekey: [],
  hygiene: [],
};

/** Provider groups that name no vendor, or one the detector id names instead. */
const NAMELESS = new Set(['generic', 'privatekey', 'hygiene']);
const BY_DETECTOR = new Set(['other', 'custom']);

/** `OpenAI`, `open_ai`, `Open AI` → `openai`; an unknown provider as it was written, lower-cased with dashes. */
export function canonicalProvider(name: string): string {
  const id = name.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return Object.keys(ALIASES).find((p) => p === id || ALIASES[p]!.includes(id)) ?? id;
}

/**
 * The vendor an incident is about: the marker's provider, or — for vendors without a group of their
 * own (`other`, `custom`), and for markers written before they carried one — the first word of the
 * detector id (`gitlab-token` → `gitlab`; ids are `provider-kind`, src/detectors/detector.ts).
 */
export function incidentProvider(marker: Pick<IncidentMarker, 'provider' | 'detector'>): string | undefined {
  const provider = marker.provider && canonicalProvider(marker.provider);
  if (provider && !BY_DETECTOR.has(provider)) return provider;
  const vendor = marker.detector?.split('-')[0];
  return vendor ? canonicalProvider(vendor) : undefined;
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
  return Object.keys(ALIASES).every((other) => other === provider || longestMatch(words, other) <= own);
}

/** The longest phrase of `provider` found in `words`, in words; 0 when none is. */
function longestMatch(words: readonly string[], provider: string): number {
  if (NAMELESS.has(provider)) return 0;
  const phrases = [provider, ...(ALIASES[provider] ?? [])].map((p) => p.toUpperCase().split(/[-_\s]+/).filter(Boolean));
  return Math.max(0, ...phrases.filter((phrase) => containsRun(words, phrase)).map((phrase) => phrase.length));
}

function containsRun(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i += 1) {
    if (phrase.every((word, j) => words[i + j] === word)) return true;
  }
  return false;
}
