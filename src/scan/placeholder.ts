// Values that look like a key slot rather than a key: templating, environment look-ups, docs fillers.
const TEMPLATE = /\$\{|\{\{|\}\}|\$\(|%[sd]\b|<[^>]{0,60}>|process\.env|os\.environ|getenv|secrets\./i;
// Filler words count only in one consistent case (fake, FAKE, Fake): a human writes them that way,
// while a random key body holds mixed-case runs such as "FaKe" by chance.
const FILLERS = ['example', 'xxxx', 'your', 'placeholder', 'dummy', 'sample', 'changeme', 'change_me', 'redacted', 'replace', 'insert', 'fake'];
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
 * True when `body` (the part of a key after its fixed prefix) is a placeholder: a template
 * reference, a filler word, a repeated or sequential run, or too few distinct characters.
 */
export function isPlaceholder(body: string): boolean {
  if (TEMPLATE.test(body) || FILLER_WORDS.test(body)) return true;
  const lower = body.toLowerCase();
  if (SEQUENCES.some((s) => lower.includes(s))) return true;
  if (longestRun(body) >= Math.max(6, Math.floor(body.length / 3))) return true;
  const distinct = new Set(body).size;
  return body.length >= 12 && distinct < Math.min(8, body.length / 3);
}
