import type { ProviderRecord } from './provider.js';
import { providers } from './registry.js';

/** A name as policies write it, lower-cased with dashes: `Open AI`, `open_ai` → `open-ai`. */
const spelling = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** The record a name (an id or an alias, in any case, with spaces or underscores) stands for. */
export function findProvider(name: string): ProviderRecord | undefined {
  const id = spelling(name);
  return providers.find((p) => p.id === id || (p.aliases as readonly string[]).includes(id));
}

/** `OpenAI`, `open_ai`, `Open AI` → `openai`; an unknown provider as it was written, lower-cased with dashes. */
export function canonicalProvider(name: string): string {
  return findProvider(name)?.id ?? spelling(name);
}
