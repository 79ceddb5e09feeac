import { maskKeys } from '../scan/mask-keys.js';

/** How much of a config value an error quotes: enough to recognise it, never a wall of text. */
const MAX_VALUE = 80;
const MAX_NAME = 60;
/** Nesting and items an error looks into before it shows `…` instead (YAML can nest without limit). */
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

/** Control and format characters (newlines, ESC, bidi overrides): a message stays one plain line. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A config value as an error quotes it: JSON, with every key the engine recognises masked first (a key
 * pasted into `rotate-every:` must not come back whole in a terminal or an annotation), control
 * characters escaped, cut to a bounded length. Masking comes before escaping and cutting: `"\nghp_…"`
 * escaped would read `\nghp_…`, and the `n` before the key hides it from the detector's boundary check;
 * a key cut in half is no longer recognised.
 */
export function showConfigValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  // JSON escapes control characters; not DEL, U+2028 or the bidi overrides.
  const json = (JSON.stringify(masked(value, 0)) ?? String(value)).replace(UNPRINTABLE, escapeChar);
  // A string cut short keeps its closing quote, so the reader sees where the quote ends.
  return typeof value === 'string' && json.length > MAX_VALUE
    ? `${cut(json.slice(0, -1), MAX_VALUE - 1)}"`
    : cut(json, MAX_VALUE);
}

/** A field name or another piece of config text inside an error: masked, escaped, bounded, unquoted. */
export function showConfigText(text: string, max = MAX_NAME): string {
  return cut(maskKeys(text).replace(UNPRINTABLE, escapeChar), max);
}

function escapeChar(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function masked(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskKeys(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((item) => masked(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, MAX_ITEMS)
      .map(([k, v]) => [maskKeys(k), masked(v, depth + 1)]),
  );
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
