import { isPlaceholder } from './placeholder.js';

// Passwords that documentation and templates put in URLs and commands: never a leak on their own.
const DOC_PASSWORDS =
  /^(?:password|passwd|pwd|secret|mypassword|mysecret|changeme|token|apikey|api_key|pass(?:word)?\d{0,3}|test|admin|root|guest|demo)$/i;

/**
 * The words doc and chart authors build filler passwords from (newRootPassword123, rootpasswd,
 * changeme, mysecretpassword): a password made of these alone, then maybe digits and a symbol, is a
 * sample. A real one set by a person holds at least one other word or random run.
 */
const FILLER_WORDS = new Set([
  'my',
  'new',
  'old',
  'the',
  'your',
  'root',
  'admin',
  'administrator',
  'user',
  'db',
  'super',
  'default',
  'test',
  'demo',
  'guest',
  'change',
  'me',
  'pass',
  'passwd',
  'password',
  'passw',
  'pwd',
  'pw',
  'word',
  'secret',
  'token',
  'api',
  'key',
  'letmein',
  'qwerty',
  'welcome',
  'sample',
  'example',
  'dummy',
  'foo',
  'bar',
  'some',
  'strong',
  'secure',
  'very',
]);
const LONGEST_FILLER = Math.max(...[...FILLER_WORDS].map((w) => w.length));

/** True when `letters` splits into filler words only: a word-break table, O(length × longest word). */
function isFillerWords(letters: string): boolean {
  if (letters.length === 0) return false;
  const ends = new Array<boolean>(letters.length + 1).fill(false);
  ends[0] = true;
  for (let i = 1; i <= letters.length; i++)
    for (let j = Math.max(0, i - LONGEST_FILLER); j < i && !ends[i]; j++)
      ends[i] = ends[j]! && FILLER_WORDS.has(letters.slice(j, i));
  return ends[letters.length]!;
}

/** Digits counted up from 0 or 1 (123, 1234, 0123…): the run docs append to a filler word (key_1234, secret123). */
const isCountedUp = (digits: string): boolean =>
  digits.length >= 3 && ('0123456789'.startsWith(digits) || '123456789'.startsWith(digits));

/**
 * A password spelled from filler words with separators and a closing symbol at most (rootpasswd,
 * my-secret-pw!), or with digits too when it says it is a password (newRootPassword123): digits after
 * other filler words (mySecret2024) are how people really pick weak passwords, unless they only count
 * up (secret123, key_1234: the sample a doc writes).
 */
export function isFillerPassword(password: string): boolean {
  const m = /^([A-Za-z_.-]+?)([0-9]{0,8})[!@#$%^&*?.]{0,2}$/.exec(password);
  if (m === null) return false;
  const letters = m[1]!.toLowerCase().replace(/[_.-]/g, '');
  return isFillerWords(letters) && (m[2] === '' || /passw|pwd/.test(letters) || isCountedUp(m[2]!));
}

/** A password that is really set, not a template slot, a doc filler or the user name again. */
export function isRealPassword(password: string, user = ''): boolean {
  if (password.length < 4 || password === user) return false;
  if (/^[$%{<[(]|\$\{|\{\{|\$\(|^\*+$/.test(password)) return false;
  if (DOC_PASSWORDS.test(password) || (/password/i.test(password) && !/\d/.test(password))) return false;
  if (isFillerPassword(password)) return false;
  // A slot name in capitals (PERSONAL_ACCESS_TOKEN, DB_PASSWORD): docs tell the reader what to put there.
  if (/^[A-Z]+(?:_[A-Z]+)*$/.test(password)) return false;
  return !isPlaceholder(password) && new Set(password).size > 2;
}
