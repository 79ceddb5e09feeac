import { matchRedacted, readRedacted } from '../../audit/match-redacted.js';
import type { ProviderKey } from '../../audit/provider-admin.js';

/** Which listed key a leaked value is, by the redacted forms the provider shows. */
export type LeakedKeyMatch =
  | { kind: 'one'; key: ProviderKey }
  /** More than one listed key shows a form the value fits, or the one that does shows too little: reported, never guessed. */
  | { kind: 'ambiguous'; count: number }
  | { kind: 'none' };

/** A shown end shorter than this fits too many keys to name one. */
const MIN_TAIL = 3;

/**
 * The listed key the leaked value is ({@link matchRedacted}: the value starts with the form's shown
 * head and ends with its shown tail). The key found here is the one `/revoke` deletes, so one fit is
 * not enough when its form shows fewer than {@link MIN_TAIL} characters of the key's end (the head
 * may be only the kind's prefix, `sk-proj`): such a form fits other keys of the same kind too, and
 * the match is reported as ambiguous.
 */
export function matchLeakedKey(value: string, keys: readonly ProviderKey[]): LeakedKeyMatch {
  const match = matchRedacted(value, keys);
  if (match.kind === 'none') return { kind: 'none' };
  if (match.kind === 'ambiguous') return { kind: 'ambiguous', count: match.keys.length };
  const form = readRedacted(match.key.redacted);
  return form && (!form.masked || form.tail.length >= MIN_TAIL) ? match : { kind: 'ambiguous', count: 1 };
}
