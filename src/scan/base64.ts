/** A decoded value and where its encoded form started. */
export interface Decoded {
  index: number;
  text: string;
}

// Runs of base64 characters long enough to hold a key (bounded: cost stays linear, size stays small).
const CANDIDATE = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const MAX_ENCODED = 64 * 1024;

/**
 * Base64 values in the text that decode to mostly printable text — e.g. a Kubernetes `Secret`'s
 * `data:` — so the scanner can look inside them. Binary payloads (images, fonts) are dropped.
 */
export function decodeBase64Candidates(text: string): Decoded[] {
  const out: Decoded[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const encoded = m[0];
    if (encoded.length > MAX_ENCODED || !looksEncoded(encoded)) continue;
    const decoded = Buffer.from(encoded, encoded.includes('-') || encoded.includes('_') ? 'base64url' : 'base64').toString('latin1');
    if (isMostlyPrintable(decoded)) out.push({ index: m.index, text: decoded });
  }
  return out;
}

/** Mixed case and digits, as encoded data has; identifiers and words rarely do at this length. */
function looksEncoded(s: string): boolean {
  return /[a-z]/.test(s) && /[A-Z]/.test(s) && /[0-9]/.test(s) && s.length % 4 !== 1;
}

function isMostlyPrintable(s: string): boolean {
  if (s.length < 20) return false;
  let printable = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13) printable++;
  }
  return printable / s.length > 0.95;
}
