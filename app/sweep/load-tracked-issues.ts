import { TRACKING_LABEL } from '../../src/tracking/issue-labels.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../github/octokit.js';

/**
 * The bot's issues (open and closed) with the `key-hygiene` label, and the comments of the open
 * ones: closed issues only matter for the exemptions recorded in their bodies. Only issues the bot
 * opened: the planners read their hidden markers as the bot's own state, each from its own kind of
 * issue (src/tracking/issue-kind.ts).
 * https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function loadTrackedIssues(octokit: AppOctokit, owner: string, repo: string, botLogin: string): Promise<TrackedIssue[]> {
  const issues = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'all', labels: TRACKING_LABEL, creator: botLogin, per_page: 100 });
  const tracked: TrackedIssue[] = [];
  for (const issue of issues) {
    // `creator` filters on the server; checked again here, exactly: a user whose login is the app's
    // slug without `[bot]` is someone else, and their issue's markers are not the bot's state.
    if (issue.pull_request || issue.user?.login.toLowerCase() !== botLogin.toLowerCase()) continue;
    const comments = issue.state === 'open' && issue.comments > 0
      ? await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: issue.number, per_page: 100 })
      : [];
    tracked.push({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? '',
      labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      state: issue.state === 'closed' ? 'closed' : 'open',
      createdAt: issue.created_at,
      author: issue.user.login,
      comments: comments.map((c) => ({ author: c.user?.login ?? '', createdAt: c.created_at, body: c.body ?? '' })),
      assignees: (issue.assignees ?? []).map((a) => a.login),
    });
  }
  return tracked;
}
