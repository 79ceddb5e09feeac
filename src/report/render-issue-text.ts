import { maskKeys } from '../onboarding/mask-keys.js';

// Small helpers the issue renderers share: names go into inline code, text people typed is
// neutralised before the bot repeats it, dates are days.

const DAY_MS = 86_400_000;

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

/** A name (secret, environment) as inline code that no backtick or line break can end early. */
export function inlineCode(name: string): string {
  return `\`${name.replace(/[`\r\n]/g, ' ')}\``;
}

/**
 * Text a user wrote (a snooze or exemption reason, a `/resolved` note) as the bot repeats it: every
 * key the engine knows redacted first (someone may well write "revoked sk-…" — 200 characters hold a
 * whole key), then one line, at most 200 characters, no HTML (so no hidden marker can be smuggled
 * into a bot comment) and no live @-mention (the bot must not ping people on someone else's behalf).
 */
export function quoteUserText(text: string): string {
  const line = maskKeys(text).replace(/\s+/g, ' ').trim().slice(0, 200);
  return line.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/@/g, '@\u200b');
}
