/**
 * The pattern of a vendor key that has no prefix of its own: the value counts only right beside a
 * name that says whose key it is (`TWILIO_AUTH_TOKEN=…`, `twilioAuthToken: "…"`, `export
 * ZENDESK_API_TOKEN='…'`). `name` is the name's regex source (read case-insensitively, its head the
 * detector's keyword so the match starts at the hit), `value` the value's. Between them: up to 24
 * more name characters (`_PROD`), an optional closing quote, column alignment of up to 40 spaces, one
 * of the assignment signs, and an optional (JSON-escaped) opening quote. Every quantifier is bounded.
 */
export function namedValue(name: string, value: string): RegExp {
  return new RegExp(
    `(?<name>${name})[A-Za-z0-9_.-]{0,24}\\\\?["']?[ \\t]{0,40}(?::=|=>|=|:|,)[ \\t]{0,4}\\\\?["']?(?<secret>${value})(?![A-Za-z0-9_+/=-])`,
    'gi',
  );
}

/** The window such a pattern needs after its keyword: the longest name, the separators and the value. */
export const namedWindow = (valueLength: number): { before: number; after: number } => ({
  before: 8,
  after: 140 + valueLength,
});
// Vendor keys without a prefix of their own (a Vultr key is 36 upper-case characters, a Linode token
// 64 hex): the value's shape alone is any hash or id, so a vendor detector counts it only when it is
// assigned to a name that says both whose it is and that it is a secret (`VULTR_API_KEY`,
// `linodeToken`). Such detectors say `confidence: 'low'`.

/** Any run of blanks up to 64 (column-aligned code and YAML pad names), as the generic rule allows. */
const BLANK = String.raw`[ \t]{0,64}`;
/** `=`, `:`, `:=`, `=>` or a list's `,`, with the quotes JSON, code and escaped notebooks put around a name. */
const OPERATOR = String.raw`\\?["']?\]?${BLANK}(?::=|=>|=(?![=~])|:(?![:/])|,)${BLANK}(?:\\{0,2}["'\x60])?`;

/** `vultr` as a case-blind class per letter, so the value's own alphabet keeps its case. */
const caseBlind = (word: string): string =>
  word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`).replace(/[.]/g, String.raw`\.`);

/**
 * A pattern for `value` assigned to a name holding one of `vendorWords` (lower-case words, e.g.
 * `['vultr']`): the name may carry up to 30 characters either side of the word. `value` is regex
 * source in the vendor's alphabet; the secret must end where the value's alphabet ends.
 */
export function namedValuePattern(vendorWords: readonly string[], value: string): RegExp {
  const vendor = vendorWords.map(caseBlind).join('|');
  return new RegExp(
    String.raw`(?<![A-Za-z0-9_.-])(?<name>[A-Za-z0-9_.-]{0,30}?(?:${vendor})[A-Za-z0-9_.-]{0,30}?)${OPERATOR}(?<secret>${value})(?![A-Za-z0-9_+/=-])`,
    'g',
  );
}

/** A UUID in one case throughout (Snyk, Railway, Scaleway and Atlas keys), as regex source. */
export const UUID_VALUE =
  '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}';

/** The window a named pattern needs around its vendor-word keyword: the name before, the rest after. */
export const namedValueWindow = (valueLength: number): { before: number; after: number } => ({
  before: 40,
  after: 30 + 2 * 64 + 16 + valueLength,
});

// The name must say "secret": a vendor's region, project id, user or URL beside a random-looking value
// is not its key.
const SECRET_WORD = /key|token|secret|passw|pwd|auth|credential|pat(?:$|[^a-z])/i;
const NOT_SECRET_END = /(?:id|ids|name|url|uri|region|user|username|org|project|endpoint|host|zone|file|path)$/;

/** True when the assignment's name (the head of the match) names a secret, not an id or address. */
export function namesVendorSecret(match: string): boolean {
  const name = /^[A-Za-z0-9_.-]*/.exec(match)?.[0] ?? '';
  return SECRET_WORD.test(name) && !NOT_SECRET_END.test(name.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
