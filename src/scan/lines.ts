import { MAX_LINE_CONTEXT } from './scan-context.js';

/** The line holding `index`, cut to at most ~1 KiB each side so megabyte lines stay cheap. */
export function lineAround(text: string, index: number): string {
  let start = index;
  const floor = Math.max(0, index - MAX_LINE_CONTEXT);
  while (start > floor && text.charCodeAt(start - 1) !== 10) start--;
  let end = index;
  const ceil = Math.min(text.length, index + MAX_LINE_CONTEXT);
  while (end < ceil && text.charCodeAt(end) !== 10) end++;
  return text.slice(start, end);
}

// Inline suppressions: our own marker, and gitleaks' so teams can migrate without touching code.
const INLINE_ALLOW = /key-hygiene:allow|gitleaks:allow/;

export function hasInlineAllow(line: string): boolean {
  return INLINE_ALLOW.test(line);
}
