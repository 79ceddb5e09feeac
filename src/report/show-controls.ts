/**
 * Characters that act instead of print: C0 controls (newline, ESC, BEL…), DEL, C1 controls
 * (U+009B is a one-character CSI to some terminals), line and paragraph separators, and the bidi
 * marks, embeddings, overrides and isolates that reorder what is shown after them (the "Trojan
 * Source" characters, https://trojansource.codes/).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is what this is for
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text read from a repository (paths, authors, config values, git's messages) as it may be shown on
 * a terminal, in a log or in Markdown: every control character written out (`\n`, `\x1b`, `\u202e`),
 * so it can neither start a line, move the cursor, set a title or a link, hide what follows nor
 * reorder it. Everything else is left as it is.
 */
export function showControls(text: string): string {
  return text.replace(CONTROLS, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
