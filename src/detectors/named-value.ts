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
