import { createHash } from 'node:crypto';

// A claim on opening one key's issue, held as a repository label: creating a label whose name
// exists fails (422, `already_exists`), so exactly one of several processes creates it. The label
// rather than a git ref under a private namespace (`refs/key-hygiene/…`, which the refs API would
// also refuse with 422 "Reference already exists"): a label needs only Issues: write, without which
// the App cannot work at all, while a ref needs Contents: write — held for onboarding only, and an
// admin may trim it — and a commit to point at, which an empty repository does not have (409
// "Git Repository is empty."); a ref would also reach every mirror clone. A label shows in the
// repository's label list, so it lives seconds: deleted as soon as the issue is opened.
// https://docs.github.com/rest/issues/labels#create-a-label
// https://docs.github.com/rest/git/refs#create-a-reference
// These helpers are pure: the protocol that uses them is app/repo/with-issue-claim.ts.

/** A claim older than this was left by a process that stopped half-way: another may take it over. */
export const CLAIM_TTL_MS = 10 * 60_000;

/** Takeovers of takeovers at most: past this, every claim of the key is expired and they are all deleted. */
export const CLAIM_GENERATIONS = 4;

const PREFIX = 'key-hygiene-claim-';
const CLAIMED = 'Claimed ';

/**
 * The label name of a claim on `key`'s issue: a digest, because a key id is longer than GitHub's
 * 50 characters for a label name and may hold characters people should not see in a label list.
 * Generation 0 is the claim; generation n takes over an expired generation n-1.
 */
export function claimLabelName(key: string, generation: number): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 16);
  return generation === 0 ? `${PREFIX}${digest}` : `${PREFIX}${digest}-${generation}`;
}

/** What people see if they open the label list while a sweep holds a claim (at most 100 characters). */
export function renderClaimDescription(at: Date): string {
  return `Key Hygiene is opening an issue; deleted when done. ${CLAIMED}${at.toISOString()}`;
}

/**
 * Whether a claim whose label has `description` may be taken over at `now`: it is older than
 * `ttlMs`, or says nothing we can read, or claims a time further ahead than `ttlMs` (a clock off,
 * or an edited label) — a claim that cannot be read must not keep a key's issue unopened.
 */
export function claimExpired(description: string | null | undefined, now: Date, ttlMs: number = CLAIM_TTL_MS): boolean {
  const at = claimedAt(description);
  if (at === undefined) return true;
  const age = now.getTime() - at.getTime();
  return age > ttlMs || age < -ttlMs;
}

/** When a claim was made, from its label's description; undefined when unreadable. */
export function claimedAt(description: string | null | undefined): Date | undefined {
  const text = description ?? '';
  const start = text.lastIndexOf(CLAIMED);
  if (start < 0) return undefined;
  const iso = text.slice(start + CLAIMED.length);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/.test(iso)) return undefined;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
