// Values that look like a key slot rather than a key: templating, environment look-ups, docs fillers.
const TEMPLATE = /\$\{|\{\{|\}\}|\$\(|%[sd]\b|<[^>]{0,60}>|process\.env|os\.environ|getenv|secrets\./i;
// Filler words count only in one consistent case (fake, FAKE, Fake): a human writes them that way,
// while a random key body holds mixed-case runs such as "FaKe" by chance.
const FILLERS = [
  'example',
  'xxxx',
  'your',
  'placeholder',
  'dummy',
  'sample',
  'changeme',
  'change_me',
  'redacted',
  'replace',
  'insert',
  'fake',
];
const casings = (w: string): string[] => [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)];
const FILLER_WORDS = new RegExp([...FILLERS.flatMap(casings), '\\*{3}', '…', '\\.\\.\\.'].join('|'));
const SEQUENCES = ['abcdefgh', 'bcdefghi', '12345678', '23456789', '01234567', 'qwertyui', 'abcdef0123', '98765432'];

/** Longest run of one repeated character. */
function longestRun(value: string): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    run = i > 0 && value[i] === value[i - 1] ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

/**
 * Share of characters inside ascending runs of 3 or more ("abc", "123", "xyz"): docs write
 * "abc123xyz456"; a random body almost never strings such runs together.
 */
function ascendingCoverage(value: string): number {
  let covered = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) === value.charCodeAt(i - 1) + 1) run++;
    else {
      if (run >= 3) covered += run;
      run = 1;
    }
  }
  return value.length ? covered / value.length : 0;
}

/**
 * True when `body` (the part of a key after its fixed prefix) is a placeholder: a template
 * reference, a filler word, a repeated or sequential run (or a string of short ones), or too few
 * distinct characters.
 */
export function isPlaceholder(body: string): boolean {
  if (TEMPLATE.test(body) || FILLER_WORDS.test(body)) return true;
  const lower = body.toLowerCase();
  if (SEQUENCES.some((s) => lower.includes(s))) return true;
  if (longestRun(body) >= Math.max(6, Math.floor(body.length / 3))) return true;
  if (ascendingCoverage(lower) >= 0.75) return true;
  const distinct = new Set(body).size;
  return body.length >= 12 && distinct < Math.min(8, body.length / 3);
}
