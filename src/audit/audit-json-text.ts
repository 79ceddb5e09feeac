/**
 * Characters JSON.stringify leaves raw that a terminal or a viewer acts on: DEL and the C1 controls
 * (U+009B is a one-character CSI to some terminals), the line and paragraph separators, and the bidi
 * marks and overrides. C0 controls JSON escapes itself.
 */
const RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A value as two-space indented JSON ending in a newline, with every character a terminal could act
 * on written as a `\uXXXX` escape: names from a provider are hostile, and `cat report.json` must show
 * them, not run them. The escapes are JSON's own, so a parser reads back exactly the same strings.
 */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    RAW,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
