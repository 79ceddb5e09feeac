import type { AdminProviderId, AuditProblem } from '../../audit/provider-admin.js';
import { keyMarkerOf } from '../issue-kind.js';
import { sameLogin } from '../key-issues/last-notice.js';
import type { TrackedIssue } from '../tracked-issue.js';
import { parseProviderIssueId } from './provider-issue-id.js';

/** One open provider issue, as the dashboard lists it. */
export interface ProviderIssueRow {
  provider: AdminProviderId;
  problem: AuditProblem;
  keyId: string;
  issue: number;
}

/** The bot's open provider issues among `issues`, by issue number. Pure. */
export function providerIssueRowsOf(issues: readonly TrackedIssue[], botLogin: string): ProviderIssueRow[] {
  const rows: ProviderIssueRow[] = [];
  for (const issue of issues) {
    if (issue.state !== 'open' || (issue.author !== undefined && !sameLogin(issue.author, botLogin))) continue;
    const key = parseProviderIssueId(keyMarkerOf(issue)?.key ?? '');
    if (key) rows.push({ ...key, issue: issue.number });
  }
  return rows.sort((a, b) => a.issue - b.issue);
}
