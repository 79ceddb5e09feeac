import { createsContent, type AssignRequest, type IssueAction } from '../../src/tracking/issue-action.js';
import { statusOf, type AppOctokit } from '../github/octokit.js';
import { countIssueWrite } from '../metrics/count-issue-write.js';
import { assignIssue, type Assignability } from './assign-issue.js';
import { closeIfTwin } from './close-if-twin.js';

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
}

/**
 * Applies the planner's actions in order, one REST call each (`close` with a comment is two). An
 * `open` is checked at once for an older twin another process opened ({@link closeIfTwin}); an
 * `open` or `comment` that names whom to assign is followed by the assignment ({@link assignIssue}).
 * Dry-run logs what it would do and writes nothing (STYLE.md rule 13). The per-sweep cap is the
 * planner's; the installation client spaces the writes under GitHub's secondary limits
 * (`prepareClient` in app/github/prepare-client.ts), so pass one from `app.auth(id)` or a prepared
 * webhook client.
 */
export async function applyActions(octokit: AppOctokit, actions: readonly IssueAction[], options: ApplyOptions): Promise<Applied[]> {
  const applied: Applied[] = [];
  const assignable: Assignability = new Map();
  for (const action of actions) {
    if (options.dryRun) {
      options.log(`dry-run: would ${describe(action)} in ${options.owner}/${options.repo}`);
      applied.push({ action, number: 'issue' in action ? action.issue : 0 });
      continue;
    }
    const number = await applyOne(octokit, action, options);
    countIssueWrite(octokit, action);
    applied.push({ action, number });
    const twin = action.type === 'open' ? await closeIfTwin(octokit, action, number, options) : undefined;
    if (!twin && (action.type === 'open' || action.type === 'comment') && action.assign) {
      await assignIssue(octokit, { owner: options.owner, repo: options.repo }, number, action.assign, assignable, options.log);
    }
    if (!twin) continue;
    options.log(`${options.owner}/${options.repo}: closed #${number} as a duplicate of #${twin.original} (${action.key}), opened by another sweep at the same time`);
    countIssueWrite(octokit, twin.close);
    applied.push({ action: twin.close, number, duplicateOf: twin.original });
  }
  return applied;
}

/** Issues and comments the actions create (what the per-sweep cap counts). */
export function contentCount(actions: readonly IssueAction[]): number {
  return actions.filter(createsContent).length;
}

async function applyOne(octokit: AppOctokit, action: IssueAction, { owner, repo }: ApplyOptions): Promise<number> {
  const at = { owner, repo };
  switch (action.type) {
    case 'open': {
      const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...at, title: action.title, body: action.body, labels: action.labels });
      return data.number;
    }
    case 'comment':
      await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, issue_number: action.issue, body: action.body });
      return action.issue;
    case 'labels':
      if (action.add.length) await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', { ...at, issue_number: action.issue, labels: action.add });
      for (const name of action.remove) await removeLabel(octokit, owner, repo, action.issue, name);
      return action.issue;
    case 'close':
      if (action.comment) await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, issue_number: action.issue, body: action.comment });
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...at, issue_number: action.issue, state: 'closed', state_reason: action.reason });
      return action.issue;
    case 'update-body':
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...at, issue_number: action.issue, body: action.body });
      return action.issue;
  }
}

/** A label someone already removed is fine (404). */
async function removeLabel(octokit: AppOctokit, owner: string, repo: string, issue: number, name: string): Promise<void> {
  try {
    await octokit.request('DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', { owner, repo, issue_number: issue, name });
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
  }
}

function assigning(request: AssignRequest | undefined): string {
  return request ? ` and assign up to ${request.max} of ${request.logins.join(', ')}` : '';
}

function describe(action: IssueAction): string {
  switch (action.type) {
    case 'open': return `open "${action.title}"${assigning(action.assign)}`;
    case 'comment': return `comment on #${action.issue} (${action.key})${assigning(action.assign)}`;
    case 'labels': return `relabel #${action.issue} +[${action.add.join(', ')}] -[${action.remove.join(', ')}]`;
    case 'close': return `close #${action.issue} as ${action.reason} (${action.key})`;
    case 'update-body': return `update the description of #${action.issue} (${action.key})`;
  }
}
