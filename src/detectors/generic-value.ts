import { isRealPassword } from './credential-rules.js';
import { shannonEntropy } from './entropy.js';

// Decides whether a value assigned to a secret-like name looks like a secret rather than code,
// configuration, a reference or a filler. Each rule names the false positive it keeps out.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;

const REFERENCE = [
  /^[$%@&*#!?]/, // $VAR, %VAR%, @Value, &anchor, *alias, #comment
  /^(?:sha\d{1,3}|md5)-/i, // lock-file integrity: sha512-…
  /^data:/i, // data URIs
  /[a-z][a-z0-9+.-]{1,15}:\/\//i, // URLs, also inside cache keys such as 42:https://… (credentials in URLs: the url-credentials detector)
  /^[A-Za-z_$][\w$]*:$/, // the next key of an object literal: 'PASSWORD', updatedAt: …
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/, // paths
  /\.(?:pem|key|p12|pfx|jks|keystore|json|ya?ml|txt|env|crt|cer|der|pub|gpg|asc|ini|conf|cfg|xml|properties|js|ts|py|sh|png|jpe?g|gif|svg|webp|ico|html?|css|md|pdf|zip|gz|tgz|jar)(?::\d+){0,2}$/i, // file names, also with a line and column: app/settings.py:4
  /\$(?:$|[{(A-Za-z_])/, // shell and template variables: $VAR, ${VAR}, $(cmd)
  /^[\w.+-]+@[\w-]+\.[\w.-]+$/, // e-mail addresses
  /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // versions
  /^(?:true|false|null|nil|none|undefined|yes|no|on|off)$/i,
  /^(?:this|self|os|env|process|config|settings|props|params|secrets|vars|inputs|context|request|req|window|document)\./i, // member access
  /^[A-Za-z_$][\w$]*(?:\.(?:[A-Za-z_$][\w$]*|\d+))+$/, // dotted identifiers and paths into data: module.member, XSalsa20.key_length, scan.detectors.0
  /[\w$]\?\.[A-Za-z_$]/, // optional chaining: args?.textKey, i?.nextAuth.inUse
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)+\/[a-z0-9_./-]+$/, // DNS-prefixed names: node.kubernetes.io/unschedulable, github.com/org/repo
];

/** Identifier shapes: names joined by `_`, `-` or `/`. Judged only when no part is a random run. */
const IDENTIFIER_SHAPES = [
  /^[A-Z][A-Z0-9]*(?:[_-][A-Z0-9]+)+$/, // CONSTANT_NAMES, K8S_CRED, NEXUS-GPT4-API-KEY
  /^(?:[a-z][a-z0-9]*[_-])+[a-z][a-z0-9]*$/, // snake_case / kebab-case identifiers and resource names
  /^(?:[a-z][a-z0-9]*[_/-])+[a-z0-9]+$/, // namespaced names: key-hygiene/fingerprint/v1
];

/**
 * A part of 16 or more letters and digits holding both, that does not read as words: the random body of a
 * prefixed key (`lsv2_pt_<32 hex>_<10 hex>`, LangSmith), which the identifier shapes would otherwise take
 * for a name.
 */
function hasRandomPart(value: string): boolean {
  const parts = value.split(/[_/-]/);
  // A word after the run (`<md5>-user`) names what the run is for: an id, not a key.
  if (/^[A-Za-z]+$/.test(parts[parts.length - 1] ?? '')) return false;
  return parts.some((part) => part.length >= 16 && /[a-z]/i.test(part) && /\d/.test(part) && wordCoverage(part) < 0.6);
}

/**
 * A run of letters that reads like a word: enough vowels, no long consonant or vowel clusters. Random
 * keys hold letter runs too, but rarely pronounceable ones (about 1 in 1,000 24-character keys is
 * mostly "words" by this measure, against nearly every identifier).
 */
function isWordLike(run: string): boolean {
  const lower = run.toLowerCase();
  const vowels = lower.replace(/[^aeiouy]/g, '').length;
  return vowels / lower.length >= 0.3 && !/[^aeiouy]{4}|[aeiouy]{3}/.test(lower);
}

/** Share of the value covered by word-like runs (2+ lower-case letters, maybe Capitalised). */
function wordCoverage(value: string): number {
  let covered = 0;
  for (const m of value.matchAll(/[A-Z]?[a-z]{2,}/g)) if (isWordLike(m[0])) covered += m[0].length;
  return covered / value.length;
}

/**
 * Base64 that decodes to prose ("dummy text data …", "Some key") is a filler, not a key: random key bytes
 * almost never decode to printable text (under 1 in 10,000 for 9 bytes), let alone to words and spaces.
 * An encoded password stays a finding, filler or not: Kubernetes Secrets hold real ones this way.
 */
function isEncodedProse(value: string): boolean {
  if (value.length < 8 || value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(decoded) && / [A-Za-z]{2}/.test(decoded);
}

/**
 * Base64 of a filler (`cGFzc3dvcmQ=`, `amhpcHN0ZXI=` in a chart's Secret): a value that decodes to a word
 * in its natural case or to a password the filler rules turn away (password, admin, changeme). Random key
 * bytes almost never decode to printable text; an encoded password that is really set stays a finding.
 */
function isEncodedFiller(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const text = Buffer.from(value, 'base64')
    .toString('latin1')
    .replace(/\r?\n$/, '');
  return /^[\x20-\x7e]+$/.test(text) && (NATURAL_WORDS.test(text) || !isRealPassword(text));
}

/** The digits 0–9 counted up and run together, from 0 or 1: 123, 1234, 12345678910… */
function isCounting(digits: string): boolean {
  for (const from of [0, 1]) {
    let expected = '';
    for (let i = from; expected.length < digits.length; i++) expected += String(i);
    if (expected === digits) return true;
  }
  return false;
}

/**
 * Words with the numbers counted between them (`some123valid456api789key1011for1213…`): a doc author
 * spelling out "some valid API key", not a generated value.
 */
function isCountedWords(value: string): boolean {
  if (!/^[A-Za-z0-9]+$/.test(value)) return false;
  const digits = value.replace(/[^0-9]/g, '');
  const letters = value.replace(/[0-9]/g, '');
  return digits.length >= 6 && isCounting(digits) && letters.length >= 8 && wordCoverage(letters) >= 0.6;
}

/**
 * Words in their natural case — one or more lower-case runs, each maybe Capitalised, joined by a hyphen or
 * an apostrophe (Wachtwoord, Palavra-passe, jhipster): a label or a filler, not a password anyone set. Each
 * repetition starts at a separator or a capital, so the match has one way through.
 */
const NATURAL_WORDS = /^[A-Za-z][a-z]*(?:(?:[-']|[-']?[A-Z])[a-z]+)*$/;

/**
 * Entropy a value of this length and alphabet must reach: random hex tops out at 4 bits, base62 near 6.
 * A random hex string of 24 characters or more falls short of its expected entropy (4 bits less the
 * small-sample bias) by up to 3/sqrt(length) about once in a thousand: a bar 0.1 below would miss about 1
 * random 32-hex key in 5.
 */
function minEntropyFor(value: string): number {
  const n = value.length;
  if (HEX.test(value)) return Math.min(3.5, 4 - 15 / (2 * n * Math.LN2) - (n >= 24 ? 3 / Math.sqrt(n) : 0.1));
  if (value.length < 16) return 2.9;
  return value.length < 24 ? 3.2 : 3.5;
}

/** A plausible secret value; `strongName` lets UUIDs and hex digests through (api_token = "<uuid>"). */
export function looksSecret(value: string, strongName: boolean, isPassword: boolean): boolean {
  if (value.length < (isPassword ? 8 : 10)) return false;
  // Keys and generated secrets are ASCII: a letter beyond it is prose, a translated label (Contraseña, 秘密鍵).
  if (/[\u0080-\uffff]/.test(value)) return false;
  if (REFERENCE.some((re) => re.test(value))) return false;
  if (IDENTIFIER_SHAPES.some((re) => re.test(value)) && !hasRandomPart(value)) return false;
  if (NATURAL_WORDS.test(value)) return false;
  if ((UUID.test(value) || HEX.test(value)) && !strongName) return false;
  // Issued hex is printed in one case; a mixed-case run of hex letters is a word or a base62 body cut short.
  if (HEX.test(value) && /[a-f]/.test(value) && /[A-F]/.test(value)) return false;
  if (!/\d/.test(value) && !/[^A-Za-z_.-]/.test(value) && !isPassword) return false; // identifiers, words
  // camelCase identifiers, prose, "SalesResults"; a password may be words if it also holds digits or symbols.
  if (wordCoverage(value) >= 0.6 && !(isPassword && /[^A-Za-z]/.test(value))) return false;
  if (/\s/.test(value) || isEncodedProse(value) || isCountedWords(value)) return false;
  if (isEncodedFiller(value)) return false;
  // `username:password`, `admin:changeme`: a user:password pair is judged by its password, as in a URL.
  const pair = /^([^:]{1,64}):([^:]{1,200})$/.exec(value);
  if (pair && !isRealPassword(pair[2]!, pair[1])) return false;
  return shannonEntropy(value) >= minEntropyFor(value);
}
