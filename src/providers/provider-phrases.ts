import type { ProviderRecord } from './provider.js';

/**
 * The word sequences a secret's name uses for a provider, upper-case: its id's and each alias's
 * (`azure-openai` → AZURE OPENAI, `hugging-face` → HUGGING FACE). None for a nameless group.
 */
export function providerPhrases(record: Pick<ProviderRecord, 'id' | 'aliases' | 'nameless'>): string[][] {
  if (record.nameless) return [];
  return [record.id, ...record.aliases].map((name) =>
    name
      .toUpperCase()
      .split(/[-_\s]+/)
      .filter(Boolean),
  );
}
