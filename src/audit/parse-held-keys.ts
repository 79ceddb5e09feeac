/** The most key ids a held-keys list may name: far past any organisation's keys, and bounded. */
const MAX_IDS = 10_000;
/** Longer than any provider's key id (`key_…`, `apikey_01…`): a longer token is not an id. */
const MAX_ID = 200;

/** A held-keys list that cannot be read: the message names where it came from and what was expected. */
export class HeldKeysError extends Error {
  override name = 'HeldKeysError';
}

/**
 * The provider key ids the environments hold (from `mode: verify`), as `--held-keys FILE` and the
 * Action's `held-keys` input give them: ids separated by white space or commas (`#` starts a comment
 * to the end of its line), a JSON array of ids, or the verify jobs' outputs as `${{ toJSON(needs) }}`
 * (every non-empty output of every job is taken as an id; an output that is no key id matches no key).
 */
export function parseHeldKeys(text: string, source: string): Set<string> {
  const trimmed = text.trim();
  const ids = trimmed.startsWith('[') || trimmed.startsWith('{') ? fromJson(trimmed, source) : fromList(trimmed);
  if (ids.length > MAX_IDS) throw new HeldKeysError(`${source}: ${ids.length} key ids, more than ${MAX_IDS}`);
  const long = ids.find((id) => id.length > MAX_ID);
  if (long !== undefined)
    throw new HeldKeysError(
      `${source}: a key id of ${long.length} characters: expected provider key ids such as key_abc`,
    );
  return new Set(ids);
}

function fromList(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, ''))
    .flatMap((line) => line.split(/[\s,]+/))
    .filter(Boolean);
}

function fromJson(text: string, source: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HeldKeysError(
      `${source}: not valid JSON: expected an array of key ids or the verify jobs' \${{ toJSON(needs) }}`,
    );
  }
  if (Array.isArray(data) && data.every((id) => typeof id === 'string')) return data.filter(Boolean);
  if (data !== null && typeof data === 'object' && !Array.isArray(data))
    return Object.values(data).flatMap((job: unknown) => {
      const outputs = (job as { outputs?: unknown } | null)?.outputs;
      if (outputs === null || typeof outputs !== 'object') return [];
      return Object.values(outputs).filter((v): v is string => typeof v === 'string' && v !== '');
    });
  throw new HeldKeysError(`${source}: expected an array of key ids or the verify jobs' \${{ toJSON(needs) }}`);
}
