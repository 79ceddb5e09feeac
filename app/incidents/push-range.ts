import { inlineCode } from '../../src/report/render-issue-text.js';

/** What a `push` payload carries that decides what to scan. */
export interface PushFacts {
  ref: string;
  before: string;
  after: string;
  deleted: boolean;
  repository: { default_branch?: string; master_branch?: string };
}

/** What to compare, or why not to scan at all. */
export type PushRange =
  | { kind: 'skip'; reason: string }
  /** Nothing can be compared: a neutral check on `head` says so. */
  | { kind: 'neutral'; head: string; reason: string }
  /** `base...head`: GitHub compares from their merge base. */
  | { kind: 'compare'; base: string; head: string };

const ZERO_SHA = /^0+$/;

/**
 * The range a push added. A deleted branch and a tag push add no lines of their own (a tag points
 * at commits some branch push already brought). A new branch has `before` all zeros: it is compared
 * with the default branch, whose merge base GitHub finds; a new default branch (the repository's
 * first push) has nothing to compare with.
 * https://docs.github.com/webhooks/webhook-events-and-payloads#push
 */
export function pushRange(push: PushFacts): PushRange {
  if (push.deleted || ZERO_SHA.test(push.after)) return { kind: 'skip', reason: 'branch deleted' };
  if (!push.ref.startsWith('refs/heads/')) return { kind: 'skip', reason: `not a branch: ${push.ref}` };
  if (!ZERO_SHA.test(push.before)) return { kind: 'compare', base: push.before, head: push.after };
  const branch = push.ref.slice('refs/heads/'.length);
  const defaultBranch = push.repository.default_branch ?? push.repository.master_branch;
  if (!defaultBranch || defaultBranch === branch) {
    return {
      kind: 'neutral',
      head: push.after,
      reason: `The first push of ${inlineCode(branch)} has no base to compare with: the whole history is scanned by the daily sweep or \`key-hygiene scan --history\`.`,
    };
  }
  return { kind: 'compare', base: defaultBranch, head: push.after };
}
