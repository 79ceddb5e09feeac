import {
  createsContent,
  type AssignRequest,
  type CloseAction,
  type IssueAction,
  type OpenIssueAction,
} from '../../src/tracking/issue-action.js';
import { claimedNotice } from '../../src/tracking/key-issues/repeat-notice.js';
import { openIssueFor } from '../../src/tracking/key-issues/plan-twin-close.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';
import { countIssueWrite } from '../metrics/count-issue-write.js';
import { assignIssue, type Assignability } from './assign-issue.js';
import { closeIfTwin } from './close-if-twin.js';
import { listOpenTrackedIssues } from './load-tracked-issues.js';
import { noticeClaimed } from './notice-claimed.js';
import { withIssueClaim } from './with-issue-claim.js';

/** What applying did: for an `open`, the number GitHub gave the new issue. */
export interface Applied {
  action: IssueAction;
  number: number;
  /** Set on the close of an issue this sweep just opened, when another writer's older twin was found. */
  duplicateOf?: number;
}

export interface ApplyOptions {
  owner: string;
  repo: string;
  /** `slug[bot]`: after an `open`, only its own issues are twins. */
  botLogin: string;
  dryRun: boolean;
  log: (message: string) => void;
  /** The time claims are stamped with and judged by; the wall clock by default (tests give one). */
  clock?: () => Date;
  /** When the issues the plan came from were read (a notice's re-read looks at comments since); the clock's now by default. */
  viewedAt?: Date;
}

/**
 * Applies the planner's actions in order, one REST call each (`close` with a comment is two). An
 * `open` is written only under a claim on its key, after the bot's open issues are listed again
 * and still hold none for it ({@link openClaimed}): another process sweeping the same repository
 * at the same moment opens it, or already did, and this one leaves it out of what it returns.
 * Each `open` is still checked at once for an older twin ({@link closeIfTwin}), the last resort.
 * A reminder, an escalation or a closing word is likewise posted only under a claim on its issue,
 * after its new comments are read again ({@link noticeClaimed}).
 * An `open` or `comment` that names whom to assign is followed by the assignment ({@link assignIssue}).
 * Dry-run logs what it would do and writes nothing (README, "What it does", safety). The per-sweep cap is the
 * planner's; the installation client spaces the writes under GitHub's secondary limits
 * (`prepareClient` in app/octokit/prepare-client.ts), so pass one from `app.auth(id)` or a prepared
 * webhook client.
 */
export async function applyActions(
  octokit: AppOctokit,
  actions: readonly IssueAction[],
  options: ApplyOptions,
): Promise<Applied[]> {
  const applied: Applied[] = [];
  const assignable: Assignability = new Map();
  for (const action of actions) {
    if (options.dryRun) {
      options.log(`dry-run: would ${describe(action)} in ${options.owner}/${options.repo}`);
      applied.push({ action, number: 'issue' in action ? action.issue : 0 });
      continue;
    }
    const number =
      action.type === 'open'
        ? await openClaimed(octokit, action, options)
        : await applyChecked(octokit, action, options);
    if (number === undefined) continue;
    countIssueWrite(octokit, action);
    applied.push({ action, number });
    const twin = action.type === 'open' ? await closeIfTwin(octokit, action, number, options) : undefined;
    if (!twin && (action.type === 'open' || action.type === 'comment') && action.assign) {
      await assignIssue(
        octokit,
        { owner: options.owner, repo: options.repo },
        number,
        action.assign,
        assignable,
        options.log,
      );
    }
    if (!twin) continue;
    options.log(
      `${options.owner}/${options.repo}: closed #${number} as a duplicate of #${twin.original} (${action.key}), opened by another sweep at the same time`,
    );
    countIssueWrite(octokit, twin.close);
    applied.push({ action: twin.close, number, duplicateOf: twin.original });
  }
  return applied;
}

/** Issues and comments the actions create (what the per-sweep cap counts). */
export function contentCount(actions: readonly IssueAction[]): number {
  return actions.filter(createsContent).length;
}

/**
 * Claim → list the bot's open issues again (not the list the plan came from) → open only if none
 * tracks the key → release. Undefined when this process did not open it: another holds the claim
 * (it opens the issue, or the next sweep does), or another already opened it.
 */
async function openClaimed(
  octokit: AppOctokit,
  action: OpenIssueAction,
  options: ApplyOptions,
): Promise<number | undefined> {
  const { owner, repo, botLogin } = options;
  const claimed = await withIssueClaim(
    octokit,
    { owner, repo, ...(options.clock && { clock: options.clock }) },
    action.key,
    async () => {
      const existing = openIssueFor(action.key, await listOpenTrackedIssues(octokit, owner, repo, botLogin), botLogin);
      return existing ? { existing: existing.number } : { opened: await applyOne(octokit, action, options) };
    },
  );
  if (!claimed.held) {
    const why =
      claimed.reason === 'held-by-another'
        ? 'another sweep holds its claim and opens it'
        : 'every claim on it had expired and was deleted; the next sweep opens it';
    options.log(`${owner}/${repo}: ${action.key}: not opened, ${why}`);
    return undefined;
  }
  if ('existing' in claimed.result) {
    options.log(
      `${owner}/${repo}: ${action.key}: not opened, another sweep opened #${claimed.result.existing} meanwhile`,
    );
    return undefined;
  }
  return claimed.result.opened;
}

/**
 * A reminder, an escalation or a closing word goes through {@link noticeClaimed}; a close whose
 * word another sweep already posted (and then stopped short of closing) closes without repeating it.
 * Anything else is written at once.
 */
async function applyChecked(
  octokit: AppOctokit,
  action: IssueAction,
  options: ApplyOptions,
): Promise<number | undefined> {
  if (action.type !== 'comment' && action.type !== 'close') return applyOne(octokit, action, options);
  const notice = claimedNotice(action.type === 'comment' ? action.body : action.comment);
  if (!notice) return applyOne(octokit, action, options);
  const { owner, repo, botLogin, log, clock } = options;
  const viewedAt = options.viewedAt ?? (clock ?? (() => new Date()))();
  return noticeClaimed(
    octokit,
    action,
    notice,
    { owner, repo, botLogin, log, viewedAt, ...(clock && { clock }) },
    (what) =>
      applyOne(octokit, what === 'close-only' && action.type === 'close' ? withoutComment(action) : action, options),
  );
}

function withoutComment({ type, key, issue, reason }: CloseAction): CloseAction {
  return { type, key, issue, reason };
}

async function applyOne(octokit: AppOctokit, action: IssueAction, { owner, repo }: ApplyOptions): Promise<number> {
  const at = { owner, repo };
  switch (action.type) {
    case 'open': {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', {
        ...at,
        title: action.title,
        body: action.body,
        labels: action.labels,
      });
      return data.number;
    }
    case 'comment':
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        ...at,
        issue_number: action.issue,
        body: action.body,
      });
      return action.issue;
    case 'labels':
      if (action.add.length)
        await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
          ...at,
          issue_number: action.issue,
          labels: action.add,
        });
      for (const name of action.remove) await removeLabel(octokit, owner, repo, action.issue, name);
      return action.issue;
    case 'close':
      if (action.comment)
        await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
          ...at,
          issue_number: action.issue,
          body: action.comment,
        });
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        issue_number: action.issue,
        state: 'closed',
        state_reason: action.reason,
      });
      return action.issue;
    case 'update-body':
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        issue_number: action.issue,
        body: action.body,
      });
      return action.issue;
  }
}

/** A label someone already removed is fine (404). */
async function removeLabel(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  issue: number,
  name: string,
): Promise<void> {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', {
      owner,
      repo,
      issue_number: issue,
      name,
    });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

function assigning(request: AssignRequest | undefined): string {
  return request ? ` and assign up to ${request.max} of ${request.logins.join(', ')}` : '';
}

function describe(action: IssueAction): string {
  switch (action.type) {
    case 'open':
      return `open "${action.title}"${assigning(action.assign)}`;
    case 'comment':
      return `comment on #${action.issue} (${action.key})${assigning(action.assign)}`;
    case 'labels':
      return `relabel #${action.issue} +[${action.add.join(', ')}] -[${action.remove.join(', ')}]`;
    case 'close':
      return `close #${action.issue} as ${action.reason} (${action.key})`;
    case 'update-body':
      return `update the description of #${action.issue} (${action.key})`;
  }
}

/**
 * Applies a capped plan in the repository that tracks an organisation's issues (its secrets, its
 * provider keys): the actions applied, and a log line naming `what` when the cap left some for the
 * next sweep.
 */
export async function applyCappedPlan(
  octokit: AppOctokit,
  plan: { actions: readonly IssueAction[]; deferred: readonly unknown[] },
  options: ApplyOptions & { what: string },
): Promise<IssueAction[]> {
  const applied = await applyActions(octokit, plan.actions, options);
  if (plan.deferred.length)
    options.log(
      `${options.owner} ${options.what}: cap reached, ${plan.deferred.length} actions left for the next sweep`,
    );
  return applied.map((a) => a.action);
}
