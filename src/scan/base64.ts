/** A decoded value and where its encoded form started. */
export interface Decoded {
  index: number;
  text: string;
}

/**
 * Words that mark text where keys hide base64-encoded: Kubernetes `Secret` data, Docker `auths`,
 * npm `_auth`, HTTP Basic credentials, anything that says base64. Only text holding one of them gets
 * the decoding pass, so ordinary code pays nothing for it.
 */
export const BASE64_TRIGGERS = [
  'base64',
  'kind: secret',
  '"kind": "secret"',
  'data:',
  'auths',
  '_auth',
  'basic ',
  'stringdata',
];

const MIN_ENCODED = 24;
const MAX_ENCODED = 64 * 1024;
const IS_BASE64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-=') IS_BASE64[c.charCodeAt(0)] = 1;

/**
 * Base64 values in the text that decode to mostly printable text — e.g. a Kubernetes `Secret`'s
 * `data:` — so the scanner can look inside them. Binary payloads (images, fonts) are dropped.
 * One linear pass over character codes (a regex over runs of base64 characters backtracks per
 * start) from `from`, finishing the run that straddles `to`.
 */
export function decodeBase64Candidates(text: string, from = 0, to = text.length): Decoded[] {
  const out: Decoded[] = [];
  let start = from;
  for (let i = from; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    if (c < 128 && IS_BASE64[c] === 1 && i - start <= MAX_ENCODED) continue;
    const length = i - start;
    if (length >= MIN_ENCODED && length <= MAX_ENCODED) {
      const decoded = decodeRun(text.slice(start, i));
      if (decoded) out.push({ index: start, text: decoded });
    }
    if (i >= to) break;
    start = i + 1;
  }
  return out;
}

function decodeRun(run: string): string | undefined {
  const encoded = run.replace(/=+$/, '');
  if (encoded.includes('=') || !looksEncoded(encoded)) return undefined;
  const urlSafe = encoded.includes('-') || encoded.includes('_');
  const decoded = Buffer.from(encoded, urlSafe ? 'base64url' : 'base64').toString('latin1');
  return isMostlyPrintable(decoded) ? decoded : undefined;
}

/** Mixed case and digits, as encoded data has; identifiers and words rarely do at this length. */
function looksEncoded(s: string): boolean {
  return s.length % 4 !== 1 && /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s);
}

function isMostlyPrintable(s: string): boolean {
  if (s.length < 16) return false;
  let printable = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / s.length > 0.95;
}
