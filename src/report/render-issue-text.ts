import { maskKeys } from '../scan/mask-keys.js';
import { escapeMarkdown } from './escape-markdown.js';

// Small helpers the issue renderers share: names go into inline code, text people typed is
// neutralised before the bot repeats it, dates are days. Everything the App writes into an issue,
// a comment, a check run or a pull request description from input (file paths, branch names,
// secret and environment names, reasons, notes, config text, alert fields) goes through
// `inlineCode` or `escapeMarkdown`: neither can end a line or a table row, open HTML or a hidden
// `<!-- key-hygiene:… -->` marker, or mention anyone.

const DAY_MS = 86_400_000;
const ZWSP = '\u200b';

/** `2026-08-30`. */
export function isoDay(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`, rounded down (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** `1 day`, `3 days`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * A name (path, branch, secret, environment) as inline code: a backtick, a line break or another
 * control character becomes a space, so nothing ends the span or the line early. Inside a code span
 * GitHub shows HTML, `@` and `#1` as text, but the raw body is what the bot reads back: `<!--` and
 * `-->` are broken with a zero-width space so that no name can form a hidden marker.
 * https://spec.commonmark.org/0.31.2/#code-spans
 */
export function inlineCode(name: string): string {
  return `\`${breakComments(oneLine(name.replace(/`/g, ' ')))}\``;
}

/**
 * Text a user wrote (a snooze or exemption reason, a `/resolved` note, a config error) as the bot
 * repeats it: every key the engine knows redacted first (someone may well write "revoked sk-…" —
 * 200 characters hold a whole key), then at most 200 characters through {@link escapeMarkdown}.
 */
export function quoteUserText(text: string): string {
  return escapeMarkdown(maskKeys(text).replace(/\s+/g, ' ').trim().slice(0, 200));
}

/**
 * Line breaks, tabs and other control characters (C0, DEL, C1, the Unicode line and paragraph
 * separators, and the bidirectional overrides that make a name read as something else) as one
 * space each run.
 */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}

/** `<!--` and `-->` (and `--!>`, which also ends a comment) broken by a zero-width space. */
function breakComments(text: string): string {
  return text.replace(/<!/g, `<${ZWSP}!`).replace(/--(!?)>/g, `--${ZWSP}$1>`);
}
