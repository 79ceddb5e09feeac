import { providerPhrases } from '../providers/provider-phrases.js';
import { providers } from '../providers/registry.js';

/**
 * The provider a secret's name names, as a policy's `provider:` (the onboarding pull request's starter
 * config is prefilled with it): the longest phrase found as whole words wins, so `AZURE_OPENAI_KEY`
 * is Azure OpenAI's and `OPENAIRE_KEY` is nobody's. Undefined when no provider is named.
 */
export function guessProvider(secretName: string): string | undefined {
  const words = secretName.toUpperCase().split(/_+/).filter(Boolean);
  let best: { provider: string; length: number } | undefined;
  for (const record of providers) {
    const provider = record.id;
    for (const want of providerPhrases(record)) {
      const found = words.some((_, i) => want.every((word, j) => words[i + j] === word));
      if (found && want.length > (best?.length ?? 0)) best = { provider, length: want.length };
    }
  }
  return best?.provider;
}
