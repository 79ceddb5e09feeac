import { makeKey } from '../make-keys.js';
import { seededRng } from '../seeded-rng.js';

/** The kinds of key value the emulator makes, by the detector that finds them. */
const DETECTOR = {
  user: 'openai-project-key',
  'service-account': 'openai-service-account-key',
  admin: 'openai-admin-key',
} as const;

export type KeyValueKind = keyof typeof DETECTOR;

/** A realistic key value (`sk-proj-…`, `sk-svcacct-…`, `sk-admin-…`), made at test time from a seed. */
export function makeKeyValue(kind: KeyValueKind, seed: number): string {
  return makeKey(DETECTOR[kind], seed);
}

/**
 * The redacted form the emulator lists, in the shape of the vendor's documented examples
 * (`"redacted_value": "sk-abc...def"` for project keys, `"sk-admin...def"` for admin keys, in OpenAI's
 * API reference): a short head, `...`, a short tail. We keep the key's scope prefix as the head
 * (`sk-proj`, `sk-svcacct`, `sk-admin`: it says the kind without giving away any random character, and
 * `sk-admin` is exactly the documented admin example's head) and its last 3 characters as the tail (the
 * documented tails `def` and `xyz` are 3). What the live API shows may differ in head and tail length;
 * a matcher should read head and tail from the redacted form rather than assume these lengths.
 */
export function redactOpenAiKey(value: string): string {
  const scope = /^sk-(?:proj|svcacct|admin|None)(?=-)/.exec(value)?.[0] ?? value.slice(0, 3);
  return `${scope}...${value.slice(-3)}`;
}

/**
 * How OpenAI's 401 names the key it refused: the head and the last four characters around stars, so
 * the answer never carries the whole key (a client must still never print the body).
 */
export function maskForError(value: string): string {
  if (value.length <= 12) return '*'.repeat(value.length);
  return `${value.slice(0, 8)}${'*'.repeat(20)}${value.slice(-4)}`;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic ids in OpenAI's forms (`proj_…`, `user-…`, `svc_acct_…`, `key_…`). */
export function createIdMaker(seed: number): (prefix: string, length?: number) => string {
  const rng = seededRng(seed ^ 0x5eed);
  return (prefix, length = 24) => `${prefix}${rng.string(ALNUM, length)}`;
}
