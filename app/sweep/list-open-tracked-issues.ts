import { TRACKING_LABEL } from '../../src/tracking/issue-labels.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../github/octokit.js';

/**
 * The bot's open issues with the `key-hygiene` label (key issues, dashboards, leak incidents) as
 * GitHub has them now, without their comments: what an `open` checks against just before and
 * just after it writes. https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function listOpenTrackedIssues(octokit: AppOctokit, owner: string, repo: string, botLogin: string): Promise<TrackedIssue[]> {
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner, repo, state: 'open', labels: TRACKING_LABEL, creator: botLogin, per_page: 100 });
  return listed.filter((i) => !i.pull_request).map((i) => ({
    number: i.number,
    title: i.title,
    body: i.body ?? '',
    labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    state: 'open' as const,
    ...(i.user && { author: i.user.login }),
    comments: [],
  }));
}
