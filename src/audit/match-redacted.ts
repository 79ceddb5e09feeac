import type { ProviderKey } from './provider-admin.js';

/** Which inventory key a value is: exactly one, several (never guessed between), or none. */
export type RedactedMatch =
  | { kind: 'one'; key: ProviderKey }
  | { kind: 'ambiguous'; keys: ProviderKey[] }
  | {
      kind: 'none';
      /** Keys whose redacted form could not be read (missing, empty, too long, or showing nothing). */
      unreadable: number;
    };

/**
 * A redacted form is a handful of shown characters around a mask; anything longer is not one, and
 * reading it would only cost time.
 */
const MAX_REDACTED_LENGTH = 512;

/**
 * What masks hidden characters: OpenAI documents `sk-abc...def` (`redacted_value` of a project API
 * key) and Anthropic `sk-ant-api03-R2D...igAA` (`partial_key_hint`); dashboards also use `…`, runs of
 * `*` or `•`. Neither provider's keys contain any of these characters.
 */
const MASK_CHARACTERS = new Set(['.', '…', '*', '•']);

/** A redacted form read: the characters shown before and after the mask. */
interface RedactedForm {
  head: string;
  tail: string;
  /** false when the form has no mask: it is the whole value, and reveals its length. */
  masked: boolean;
}

/**
 * The inventory keys whose provider-redacted form fits `value`. Exact about what is shown: the
 * characters before the mask must start the value and those after it end it, and the value must be
 * longer than the two together (the mask hides at least one character). How many characters a mask
 * hides is not counted: `...` and a run of `*` are fillers of any length (no provider documents a
 * one-star-per-character mask), so the length is checked exactly only for a form with no mask.
 * A form with two masks, nothing shown, or longer than any redacted form is unreadable and fits no
 * value. Linear in the lengths, no pattern made from the form: a hostile form costs bounded time.
 */
export function matchRedacted(value: string, keys: readonly ProviderKey[]): RedactedMatch {
  const trimmed = value.trim();
  const fits: ProviderKey[] = [];
  let unreadable = 0;
  for (const key of keys) {
    const form = readRedacted(key.redacted);
    if (!form) unreadable++;
    else if (fitsForm(trimmed, form)) fits.push(key);
  }
  if (fits.length === 1) return { kind: 'one', key: fits[0]! };
  if (fits.length > 1) return { kind: 'ambiguous', keys: fits };
  return { kind: 'none', unreadable };
}

/** The head and tail of a redacted form, or undefined when it cannot be read as one. */
export function readRedacted(redacted: string | null): RedactedForm | undefined {
  if (redacted === null) return undefined;
  const text = redacted.trim();
  if (text === '' || text.length > MAX_REDACTED_LENGTH) return undefined;
  const runs = maskRuns(text);
  if (runs.length === 0) return { head: text, tail: '', masked: false };
  if (runs.length > 1) return undefined;
  const [start, end] = runs[0]!;
  const form = { head: text.slice(0, start), tail: text.slice(end), masked: true };
  return form.head === '' && form.tail === '' ? undefined : form;
}

function fitsForm(value: string, form: RedactedForm): boolean {
  if (!form.masked) return value === form.head;
  return value.length > form.head.length + form.tail.length && value.startsWith(form.head) && value.endsWith(form.tail);
}

/**
 * [start, end) of each run of mask characters. A lone `.` is shown text, not a mask: only `...`
 * (or `..`) and the other mask characters hide anything.
 */
function maskRuns(text: string): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    if (!MASK_CHARACTERS.has(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && MASK_CHARACTERS.has(text[i]!)) i++;
    if (!(i - start === 1 && text[start] === '.')) runs.push([start, i]);
  }
  return runs;
}
