import { TRACKING_LABEL } from '../../src/tracking/issue-labels.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../octokit/octokit.js';

type ListedIssue = Awaited<ReturnType<AppOctokit['rest']['issues']['listForRepo']>>['data'][number];
type ListedComment = Awaited<ReturnType<AppOctokit['rest']['issues']['listComments']>>['data'][number];

/**
 * An issue, not a pull request, opened by the bot. `creator` filters on the server; checked again
 * here, exactly: a user whose login is the app's slug without `[bot]` is someone else, and their
 * issue's markers are not the bot's state.
 */
function isBotIssue(issue: ListedIssue, botLogin: string): boolean {
  return !issue.pull_request && issue.user?.login.toLowerCase() === botLogin.toLowerCase();
}

function toTrackedIssue(issue: ListedIssue, comments: readonly ListedComment[]): TrackedIssue {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    state: issue.state === 'closed' ? 'closed' : 'open',
    createdAt: issue.created_at,
    author: issue.user?.login ?? '',
    comments: comments.map((c) => ({ author: c.user?.login ?? '', createdAt: c.created_at, body: c.body ?? '' })),
    assignees: (issue.assignees ?? []).map((a) => a.login),
  };
}

/**
 * The bot's issues (open and closed) with the `key-hygiene` label, and the comments of the open
 * ones: closed issues only matter for the exemptions recorded in their bodies. Only issues the bot
 * opened: the planners read their hidden markers as the bot's own state, each from its own kind of
 * issue (src/tracking/issue-kind.ts).
 * https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function loadTrackedIssues(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  botLogin: string,
): Promise<TrackedIssue[]> {
  const issues = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'all',
    labels: TRACKING_LABEL,
    creator: botLogin,
    per_page: 100,
  });
  const tracked: TrackedIssue[] = [];
  for (const issue of issues) {
    if (!isBotIssue(issue, botLogin)) continue;
    const comments =
      issue.state === 'open' && issue.comments > 0
        ? await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner,
            repo,
            issue_number: issue.number,
            per_page: 100,
          })
        : [];
    tracked.push(toTrackedIssue(issue, comments));
  }
  return tracked;
}

/**
 * The bot's open issues with the `key-hygiene` label (key issues, dashboards, leak incidents) as
 * GitHub has them now, without their comments: what an `open` checks against just before and
 * just after it writes.
 */
export async function listOpenTrackedIssues(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  botLogin: string,
): Promise<TrackedIssue[]> {
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'open',
    labels: TRACKING_LABEL,
    creator: botLogin,
    per_page: 100,
  });
  return listed.filter((issue) => isBotIssue(issue, botLogin)).map((issue) => toTrackedIssue(issue, []));
}
