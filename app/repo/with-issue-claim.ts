import {
  CLAIM_GENERATIONS,
  CLAIM_TTL_MS,
  claimExpired,
  claimLabelName,
  renderClaimDescription,
} from '../../src/tracking/issue-claim.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';

export interface ClaimAt {
  owner: string;
  repo: string;
  /** The time a claim is stamped with and judged by (the wall clock unless a test gives one). */
  clock?: () => Date;
  /** How old a claim must be to be taken over (src/tracking/issue-claim.ts). */
  ttlMs?: number;
}

/** What a claim attempt came to: `work`'s result, or why it did not run. */
export type Claimed<T> =
  { held: true; result: T } | { held: false; reason: 'held-by-another' | 'expired-claims-cleared' };

/** Grey: the claim label is the bot's bookkeeping, not a triage label. */
const CLAIM_COLOR = 'ededed';

/**
 * Runs `work` (re-read, then open only if still absent) while this process alone holds the claim
 * on `key`'s issue in the repository, then releases it. Across processes — two `sweep --once` at
 * once without Redis, where the in-process lock (with-repo-lock.ts) sees nothing — creating the
 * claim label is the atomic step: GitHub answers 422 `already_exists` to every creator but one.
 * A process that does not get the claim does not run `work`: the holder opens the issue, or the
 * next sweep does.
 *
 * A claim left by a process that stopped half-way expires ({@link CLAIM_TTL_MS}): the next claimant
 * does not delete it (two claimants that both saw it expired would each delete and re-create,
 * and both hold) but creates the next generation's label, which again only one can create; the
 * winner then checks the expired label is still there and still expired (else a holder released
 * the chain meanwhile and it leaves the key alone). Releasing deletes the expired generations
 * first and its own last, so a later claimant never finds an opening in the middle of the chain.
 * What remains: a live process that holds a claim for longer than the TTL (waiting out a rate
 * limit) can be taken over and the two may both open; the twin check after the write
 * (close-if-twin.ts) closes the newer one then.
 * https://docs.github.com/rest/issues/labels#create-a-label
 */
export async function withIssueClaim<T>(
  octokit: AppOctokit,
  at: ClaimAt,
  key: string,
  work: () => Promise<T>,
): Promise<Claimed<T>> {
  const claim = await takeClaim(octokit, at, key);
  if (!claim.held) {
    if (claim.reason === 'expired-claims-cleared') await deleteLabels(octokit, at, claim.expired);
    return { held: false, reason: claim.reason };
  }
  try {
    return { held: true, result: await work() };
  } finally {
    await deleteLabels(octokit, at, [...claim.expired, claim.name]);
  }
}

type Taken =
  | { held: true; name: string; expired: string[] }
  | { held: false; reason: 'held-by-another' }
  | { held: false; reason: 'expired-claims-cleared'; expired: string[] };

/** Walks the generations: creates the first free one, or stops at a live claim. */
async function takeClaim(octokit: AppOctokit, at: ClaimAt, key: string): Promise<Taken> {
  const now = () => (at.clock ?? (() => new Date()))();
  const expired: string[] = [];
  // Each generation may be found released between our create and our read: one more try each.
  let retries = CLAIM_GENERATIONS;
  for (let generation = 0; generation < CLAIM_GENERATIONS;) {
    const name = claimLabelName(key, generation);
    if (await createLabel(octokit, at, name, renderClaimDescription(now()))) {
      const previous = expired.at(-1);
      if (previous !== undefined && !(await stillExpired(octokit, at, previous, now()))) {
        await deleteLabels(octokit, at, [name]);
        return { held: false, reason: 'held-by-another' };
      }
      return { held: true, name, expired };
    }
    const description = await readDescription(octokit, at, name);
    if (description === undefined) {
      if (retries-- === 0) return { held: false, reason: 'held-by-another' };
      continue;
    }
    if (!claimExpired(description, now(), at.ttlMs ?? CLAIM_TTL_MS)) return { held: false, reason: 'held-by-another' };
    expired.push(name);
    generation += 1;
  }
  return { held: false, reason: 'expired-claims-cleared', expired };
}

/** True when this call created the label; false when a label of that name exists (422 `already_exists`). */
async function createLabel(
  octokit: AppOctokit,
  { owner, repo }: ClaimAt,
  name: string,
  description: string,
): Promise<boolean> {
  try {
    await octokit.request('POST /repos/{owner}/{repo}/labels', { owner, repo, name, color: CLAIM_COLOR, description });
    return true;
  } catch (error) {
    if (statusOf(error) === 422 && alreadyExists(error)) return false;
    throw error;
  }
}

/** GitHub's answer: `{ message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] }`. */
function alreadyExists(error: unknown): boolean {
  const errors = (error as { response?: { data?: { errors?: unknown } } }).response?.data?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown }).code === 'already_exists');
}

/** The label's description ('' when it has none), or undefined when there is no such label. */
async function readDescription(
  octokit: AppOctokit,
  { owner, repo }: ClaimAt,
  name: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/labels/{name}', { owner, repo, name });
    return data.description ?? '';
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function stillExpired(octokit: AppOctokit, at: ClaimAt, name: string, now: Date): Promise<boolean> {
  const description = await readDescription(octokit, at, name);
  return description !== undefined && claimExpired(description, now, at.ttlMs ?? CLAIM_TTL_MS);
}

/** Deletes claim labels in order; one already gone (404) is fine. */
async function deleteLabels(octokit: AppOctokit, { owner, repo }: ClaimAt, names: readonly string[]): Promise<void> {
  for (const name of names) {
    try {
      await octokit.request('DELETE /repos/{owner}/{repo}/labels/{name}', { owner, repo, name });
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
