import { findProvider } from './canonical-provider.js';
import type { ProviderRecord } from './provider.js';
import { providers } from './registry.js';

/**
 * `openai=http://127.0.0.1:8080` (the CLI's `--verify-url`, a line of the Action's `verify-urls`) →
 * the provider's id and the base URL to ask instead of its public API; or why the text is not one
 * (the provider has no live check, or the URL is not http or https).
 */
export function readVerifyUrl(text: string): { provider: string; url: string } | { error: string } {
  const at = text.indexOf('=');
  const provider = findProvider(at > 0 ? text.slice(0, at) : '');
  if (!provider?.liveCheck) {
    const known = (providers as readonly ProviderRecord[]).filter((p) => p.liveCheck).map((p) => p.id);
    return { error: `does not start with a provider that has a live check (${known.join(', ')}) and '='` };
  }
  const url = text.slice(at + 1).trim();
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // not a URL: said below
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    return { error: `names '${url}', which is not an http or https URL` };
  return { provider: provider.id, url };
}
