import type { ProviderKey } from '../../audit/provider-admin.js';

/** Which listed key a leaked value is, by the redacted forms the provider shows. */
export type LeakedKeyMatch =
  | { kind: 'one'; key: ProviderKey }
  /** More than one listed key shows a form the value fits: reported, never guessed. */
  | { kind: 'ambiguous'; count: number }
  | { kind: 'none' };

/** The shown start and end of a redacted form (`sk-abc...def`, `sk-ant-api03-R2D…igAA`, `sk-****abcd`). */
const SPLIT = /^(.*?)(?:\.{3}|…|\*{3,})(.*)$/s;

/** A shown end shorter than this fits too many keys to name one. */
const MIN_TAIL = 3;

/**
 * The listed key whose redacted form the leaked value fits: the value starts with the shown start,
 * ends with the shown end, and is longer than both together. The providers show only a few
 * characters (OpenAI's `redacted_value`, Anthropic's `partial_key_hint`), so two keys can show
 * the same form: then it is ambiguous. Head and tail are read from the form, never assumed (the
 * vendors' documented examples differ: `sk-abc...def`, `sk-admin...def`); the head may be only the
 * kind's prefix (`sk-proj`), so the tail, always random characters, must show at least {@link MIN_TAIL}.
 */
export function matchLeakedKey(value: string, keys: readonly ProviderKey[]): LeakedKeyMatch {
  const fits = keys.filter((key) => key.redacted !== null && fitsRedacted(value, key.redacted));
  if (fits.length === 1) return { kind: 'one', key: fits[0]! };
  return fits.length === 0 ? { kind: 'none' } : { kind: 'ambiguous', count: fits.length };
}

function fitsRedacted(value: string, redacted: string): boolean {
  const parts = redacted.length <= 200 ? SPLIT.exec(redacted) : null;
  if (!parts) return false;
  const [, start = '', end = ''] = parts;
  return (
    end.length >= MIN_TAIL && value.length > start.length + end.length && value.startsWith(start) && value.endsWith(end)
  );
}
