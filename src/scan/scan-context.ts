/** Characters a detector looks at before and after a keyword hit. Bounds the work per hit. */
export const WINDOW_BEFORE = 512;
export const WINDOW_AFTER = 1024;
/** After a hit of a multi-line pattern (a PEM block); no detector's own window reaches further. */
export const MULTILINE_WINDOW_AFTER = 16 * 1024;
/** The longest text a detector's pattern can match (a PEM block, a JWT: about 12,000 characters). */
export const LONGEST_MATCH = 16 * 1024;
/** Base64 values are looked for from this far before a trigger word to this far after it. */
export const BASE64_BEFORE = 256;
export const BASE64_AFTER = 4 * 1024;
/** The longest base64 run the scanner decodes (`MAX_ENCODED` in base64.ts). */
const LONGEST_BASE64_RUN = 64 * 1024;
/** Characters of a line either side of a secret that suppressions and allow rules see (lines.ts). */
export const MAX_LINE_CONTEXT = 1024;

/**
 * How much text either side of a secret's first character the scanner may read to find it and
 * judge it: a keyword window (a hit at most a window away, its window reaching as far again), a
 * key longer than its window up to the longest match, a base64 run up to its longest, the line
 * context of suppressions. A source that cuts a file into pieces gives each piece this much of its
 * neighbours' text (see `Fragment.reportFrom`), so a key near a cut is seen whole and judged as in
 * the whole file.
 */
export const SCAN_CONTEXT = {
  before: WINDOW_BEFORE + MULTILINE_WINDOW_AFTER + MAX_LINE_CONTEXT,
  after: Math.max(WINDOW_BEFORE + MULTILINE_WINDOW_AFTER, LONGEST_MATCH, LONGEST_BASE64_RUN + 1) + MAX_LINE_CONTEXT,
} as const;
