import type { DashboardProviderKeys } from '../../src/tracking/dashboard/render-provider-keys.js';
import { providerIssueRowsOf } from '../../src/tracking/provider-issues/provider-issue-rows.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { OrgSecretsPasses } from './org-secrets-passes.js';

/**
 * The dashboard's "Provider keys" section for `owner/repo`: its open provider issues (they live in the
 * organisation's `org-secrets-repo` only), and what the latest provider audit of this process read or
 * could not, when this repository is the one that tracks the organisation. Undefined when there is
 * neither, so every other dashboard stays as it was.
 */
export function providerKeysSection(
  passes: OrgSecretsPasses,
  owner: string,
  repo: string,
  issues: readonly TrackedIssue[],
  botLogin: string,
): DashboardProviderKeys | undefined {
  const rows = providerIssueRowsOf(issues, botLogin);
  const audited = passes.trackedIn(owner, repo)?.providers;
  if (rows.length === 0 && !audited) return undefined;
  return { rows, ...audited };
}
