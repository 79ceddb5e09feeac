/**
 * What a scan-mode run scans, decided from the event alone (no git, no I/O): commits to fetch and
 * walk, the checked-out tree, the whole history, or nothing (with the reason, for the log).
 */
export type ScanPlan =
  | {
      kind: 'commits';
      /** Scan what these reach (full SHAs from the payload; a tag's may be an annotated tag object). */
      include: string[];
      /** …and what none of these reach. */
      exclude: string[];
      /** Exclude the tips of every branch on origin except this one (a new branch, a force push, a tag). */
      excludeOtherBranches?: { except?: string };
      /** Excludes that may be gone from origin (a force push's old tip): skipped when they cannot be fetched. */
      optionalExclude?: string[];
      /**
       * Exclude the other branches' tips too, but only when the range holds a merge commit: a plain push
       * that merged main into a feature branch brings main's commits since `before`, already scanned on main.
       */
      excludeOtherBranchesIfMerged?: { except: string };
      /** Where the config and the baseline that decide the scan are read: never the commits it scans. */
      policy: PolicyPlan;
      /** For the summary: "push to main: 1a2b3c4..5d6e7f8". */
      describe: string;
    }
  | { kind: 'tree'; describe: string }
  | { kind: 'history'; describe: string }
  | { kind: 'nothing'; describe: string };

/**
 * The config and the baseline come from before what is scanned, never from the workspace: a pull
 * request or a push must not be able to loosen the rules it is scanned by (allow `**`, baseline its
 * own key, turn a detector off). A change to either applies once it has landed.
 */
export interface PolicyPlan {
  /** Read them at this commit: a pull request's or merge group's base, a push's `before`. */
  commit?: string;
  /**
   * …or, when there is no such commit or it is gone from origin (a new branch, a tag, a force push
   * over a pruned tip), at the tip of this branch of origin: the repository's default branch.
   */
  branch?: string;
  /** The ref a push updates: its tip on origin is the push itself, so never a source. */
  pushedRef?: string;
  /** How the notes speak of the source: a pull request's base, or what was there before a push. */
  words: 'base' | 'push';
}

/** A run this mode cannot serve (an event with nothing to scan, a payload without the fields it needs). */
export class PlanError extends Error {
  override name = 'PlanError';
}

const ZERO = /^0+$/;
const SUPPORTED = 'push, pull_request, pull_request_target, merge_group, schedule or workflow_dispatch';

/** Decides what to scan for an event and its webhook payload; `scan` is the input for scheduled runs. */
export function planScan(eventName: string, event: Record<string, unknown>, scan: 'tree' | 'history'): ScanPlan {
  switch (eventName) {
    case 'push':
      return planPush(event);
    case 'pull_request':
    case 'pull_request_target': {
      const pr = event.pull_request as
        { base?: { sha?: string }; head?: { sha?: string }; number?: number } | undefined;
      const base = sha(pr?.base?.sha, `${eventName}.pull_request.base.sha`);
      const head = sha(pr?.head?.sha, `${eventName}.pull_request.head.sha`);
      return {
        kind: 'commits',
        include: [head],
        exclude: [base],
        policy: { commit: base, words: 'base' },
        describe: `pull request #${pr?.number ?? '?'}: ${short(base)}...${short(head)}`,
      };
    }
    case 'merge_group': {
      const group = event.merge_group as { base_sha?: string; head_sha?: string } | undefined;
      const base = sha(group?.base_sha, 'merge_group.base_sha');
      const head = sha(group?.head_sha, 'merge_group.head_sha');
      return {
        kind: 'commits',
        include: [head],
        exclude: [base],
        policy: { commit: base, words: 'base' },
        describe: `merge group: ${short(base)}...${short(head)}`,
      };
    }
    case 'schedule':
    case 'workflow_dispatch':
      return scan === 'history'
        ? { kind: 'history', describe: `${eventName}: every commit on every branch` }
        : { kind: 'tree', describe: `${eventName}: the checked-out tree` };
    default:
      throw new PlanError(
        `mode 'scan' has nothing to scan on the '${eventName || '(none)'}' event: run it on ${SUPPORTED}`,
      );
  }
}

interface PushPayload {
  ref?: string;
  repository?: { default_branch?: string };
  before?: string;
  after?: string;
  created?: boolean;
  deleted?: boolean;
  forced?: boolean;
}

// Push payload fields: https://docs.github.com/en/webhooks/webhook-events-and-payloads#push
function planPush(event: Record<string, unknown>): ScanPlan {
  const { ref = '', before = '', after = '', created, deleted, forced, repository } = event as PushPayload;
  const name = ref.replace(/^refs\/(heads|tags)\//, '');
  if (deleted || ZERO.test(after)) return { kind: 'nothing', describe: `push deleted ${ref}: nothing to scan` };
  const head = sha(after, 'push.after');
  // Without a commit before the push, the default branch's policy decides (never the pushed ref's own tip).
  const fallback = {
    ...(repository?.default_branch && { branch: repository.default_branch }),
    pushedRef: ref,
    words: 'push' as const,
  };
  if (ref.startsWith('refs/tags/')) {
    // A tag adds only the commits it reaches that no branch does (usually none: it tags a branch commit).
    return {
      kind: 'commits',
      include: [head],
      exclude: [],
      excludeOtherBranches: {},
      policy: fallback,
      describe: `tag ${name} at ${short(head)}: commits on no branch`,
    };
  }
  if (created || ZERO.test(before)) {
    // A branch cut from main must not re-report main's history: only what no other branch has.
    return {
      kind: 'commits',
      include: [head],
      exclude: [],
      excludeOtherBranches: { except: ref },
      policy: fallback,
      describe: `new branch ${name} at ${short(head)}: commits on no other branch`,
    };
  }
  const old = sha(before, 'push.before');
  const policy = { commit: old, ...fallback };
  if (forced) {
    // The old tip may be gone from origin; what the remote had is then its other branches.
    return {
      kind: 'commits',
      include: [head],
      exclude: [],
      optionalExclude: [old],
      excludeOtherBranches: { except: ref },
      policy,
      describe: `force push to ${name}: ${short(head)} over ${short(old)} and the other branches`,
    };
  }
  return {
    kind: 'commits',
    include: [head],
    exclude: [old],
    excludeOtherBranchesIfMerged: { except: ref },
    policy,
    describe: `push to ${name}: ${short(old)}..${short(head)}`,
  };
}

function sha(value: unknown, field: string): string {
  if (typeof value === 'string' && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(value)) return value;
  throw new PlanError(
    `the event payload's ${field} is ${JSON.stringify(value) ?? 'missing'}: expected a full commit SHA`,
  );
}

function short(value: string): string {
  return value.slice(0, 7);
}
