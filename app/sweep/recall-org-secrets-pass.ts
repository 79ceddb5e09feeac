import { ORG_SECTION_HEADING } from '../../src/tracking/dashboard/render-dashboard.js';
import { isDashboard } from '../../src/tracking/dashboard-marker.js';
import { keyMarkerOf } from '../../src/tracking/issue-kind.js';
import { trackedKeyFromId } from '../../src/tracking/key-issues/key-id.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { loadPolicy } from '../repo/load-policy.js';
import type { OrgSecretsPasses } from './org-secrets-passes.js';
import { readOrgSecrets } from './read-org-secrets.js';

const ORG_SECTION = `\n${ORG_SECTION_HEADING} (`;

/**
 * Makes sure this process knows the organisation pass the dashboard of `owner/repo` needs. A process
 * that has not run it (restarted, or another process — a `probot run` answering "Re-check now" while
 * `sweep --once` or a worker ran the pass) would drop the organisation's secrets from the dashboard of
 * the repository that tracks them. When `repo` shows it does — an open issue about one of them, or a
 * dashboard that lists them — and the org's policy still names it, their list is read again (no
 * issue is written: that is the organisation pass's work). Other repositories cost nothing.
 */
export async function recallOrgSecretsPass(
  passes: OrgSecretsPasses,
  octokit: AppOctokit,
  owner: string,
  repo: string,
  issues: readonly TrackedIssue[],
  now: Date,
): Promise<void> {
  if (passes.last(owner) || !tracksOrgSecrets(owner, issues)) return;
  const { policy } = await loadPolicy(octokit, owner, '.github');
  if (policy['org-secrets-repo'].toLowerCase() !== repo.toLowerCase()) return;
  passes.note(owner, await readOrgSecrets(octokit, owner, repo, policy, now));
}

function tracksOrgSecrets(owner: string, issues: readonly TrackedIssue[]): boolean {
  return issues.some((issue) => {
    if (issue.state !== 'open') return false;
    if (isDashboard(issue.body)) return issue.body.includes(ORG_SECTION);
    const key = trackedKeyFromId(keyMarkerOf(issue)?.key ?? '');
    return key?.scope === 'org' && key.repository === owner.toLowerCase();
  });
}
