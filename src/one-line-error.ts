/**
 * The first line of an error's message (or of the value thrown, as text), for a log line, an exit
 * message or an issue: one line, no stack trace, as the README promises. Control characters left on
 * that line (a carriage return, ANSI escapes, C1 controls, the bidirectional overrides that make text
 * read as something else) become one space each run, so a message that quotes hostile input can
 * neither rewrite a terminal nor forge a log line.
 */
export function oneLineError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const [first = ''] = text.split(/\r?\n/);
  // eslint-disable-next-line no-control-regex
  return first.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ');
}
