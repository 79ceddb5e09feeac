import type { AdminProviderId, AuditProblem } from '../../audit/provider-admin.js';
import type { ProviderIssueRow } from '../provider-issues/provider-issue-rows.js';
import { providerName } from '../provider-issues/render-provider-issue.js';
import { inlineCode } from '../../report/render-issue-text.js';

/** The "Provider keys" section of the `org-secrets-repo` dashboard. */
export interface DashboardProviderKeys {
  /** The open provider issues in the repository. */
  rows: readonly ProviderIssueRow[];
  /** Providers the latest sweep read whole. */
  read?: readonly AdminProviderId[];
  /** Providers the latest sweep could not read: the App's variable for the admin key and the HTTP status. */
  unread?: ReadonlyArray<{ provider: AdminProviderId; variable: string; status?: number }>;
}

/** The section's heading (a test and a reader look for it). */
export const PROVIDER_SECTION_HEADING = '## Provider keys';

const PROBLEMS: readonly AuditProblem[] = ['usage-spike', 'orphaned', 'overdue', 'unused', 'no-expiry'];
/** Issue links shown per problem; the rest are counted. */
const LINKS = 30;

/**
 * The section, or '' when there is nothing to say (no provider issue, no provider read): per
 * provider and problem, how many issues are open and links to them; a provider the latest sweep
 * could not read says so, with the variable and status (never the key). Bounded: at most
 * {@link LINKS} links per line.
 */
export function renderProviderKeys(section: DashboardProviderKeys | undefined): string {
  if (!section) return '';
  const { rows, read = [], unread = [] } = section;
  if (rows.length === 0 && read.length === 0 && unread.length === 0) return '';
  const providers = [...new Set([...rows.map((r) => r.provider), ...read, ...unread.map((u) => u.provider)])].sort();
  const lines = [
    `${PROVIDER_SECTION_HEADING} (${rows.length})`,
    '',
    'Keys as the providers list them, read through their admin APIs once per sweep: one issue per problem of each key.',
    '',
  ];
  for (const u of unread)
    lines.push(
      `⚠️ The latest sweep could not read ${providerName(u.provider)}'s keys (${inlineCode(u.variable)}${u.status !== undefined ? `, HTTP ${u.status}` : ''}): their open issues here stay as they are until a sweep can.`,
      '',
    );
  const table = providers.flatMap((provider) =>
    PROBLEMS.flatMap((problem) => {
      const issues = rows.filter((r) => r.provider === provider && r.problem === problem).map((r) => r.issue);
      if (issues.length === 0) return [];
      const links = issues.slice(0, LINKS).map((n) => `#${n}`);
      const more = issues.length > LINKS ? `, …and ${issues.length - LINKS} more` : '';
      return [`| ${providerName(provider)} | ${problem} | ${issues.length} | ${links.join(', ')}${more} |`];
    }),
  );
  if (table.length === 0) {
    const clean = providers.filter((p) => read.includes(p)).map(providerName);
    if (clean.length) lines.push(`No problem found at ${clean.join(' or ')}.`);
    return lines.join('\n').trimEnd();
  }
  lines.push('| provider | problem | open | issues |', '|---|---|---|---|', ...table);
  return lines.join('\n');
}
