import { codeCell, escapeMarkdown } from '../report/escape-markdown.js';
import { ADMIN_APIS } from './admin-clients.js';
import { auditTables, clip, ownerOf, statusOf, type AuditTable } from './audit-tables.js';
import { dayOf, plural } from './describe-time.js';
import type { AuditResult } from './run-audit.js';

/**
 * Table rows and list items the summary shows at most. GitHub takes at most 1 MiB of summary per step
 * and fails the upload past it; a row is at most ~600 bytes (each name cut to 80 characters), so 1,200
 * stay well inside. The rest is in the JSON report, and the summary says how many it left out.
 */
export const MAX_SUMMARY_ROWS = 1_200;

const md = (text: string) => escapeMarkdown(clip(text));
const code = (text: string) => codeCell(clip(text));

/**
 * The audit as Markdown, for the job summary: a table per project, the findings, what could not be
 * read, and the keys no environment holds. Everything from the provider — project, key and owner
 * names, emails, ids — is escaped: no name can add Markdown, HTML, a link, a mention or a table cell.
 */
export function renderAuditMarkdown(result: AuditResult, now: Date, maxRows = MAX_SUMMARY_ROWS): string {
  const name = ADMIN_APIS[result.provider].name;
  let left = maxRows;
  let dropped = 0;
  /** The items that fit in what is left of the budget; the others are counted. */
  const fit = <T>(items: readonly T[]): T[] => {
    const shown = items.slice(0, Math.max(0, left));
    left -= shown.length;
    dropped += items.length - shown.length;
    return shown;
  };
  const lines = [
    `## Key Hygiene: ${name} provider audit`,
    '',
    `Checked ${now.toISOString()}: ${plural(result.keys.length, 'key')}, ${plural(result.findings.length, 'finding')}.`,
    '',
  ];
  for (const table of auditTables(result)) {
    const rows = fit(table.rows);
    if (rows.length > 0) lines.push(...renderTable({ ...table, rows }));
  }
  if (result.findings.length > 0) {
    lines.push('### Findings', '');
    for (const f of fit(result.findings))
      lines.push(
        `- **${f.problem}**: ${md(f.keyName)} ${code(f.keyId)}${f.projectName !== null ? ` in ${md(f.projectName)}` : ''} — ${escapeMarkdown(f.detail)}`,
      );
    lines.push('');
  }
  if (result.usageError !== undefined)
    lines.push(`> Usage not read, so no usage spike was judged: ${escapeMarkdown(result.usageError)}`, '');
  if (result.notHeld && result.notHeld.length > 0) {
    lines.push('### Active keys no environment holds (candidates to delete)', '');
    for (const k of fit(result.notHeld))
      lines.push(`- ${md(k.name)} ${code(k.id)}${k.project ? ` in ${md(k.project.name)}` : ''}`);
    lines.push('');
  }
  if (dropped > 0)
    lines.push(
      `> ${plural(dropped, 'more row')} left out to keep the summary within GitHub's limit: the JSON report has them all.`,
      '',
    );
  return `${lines.join('\n')}\n`;
}

function renderTable(table: AuditTable): string[] {
  const title = table.project
    ? `### Project ${md(table.project.name)} ${code(table.project.id)}`
    : '### Keys outside any project (admin keys)';
  return [
    title,
    '',
    '| Key | Owner | Created | Last used | Status | What to do |',
    '|---|---|---|---|---|---|',
    ...table.rows.map(({ key, todo }) => {
      const cells = [
        `${md(key.name)} ${code(key.id)}`,
        md(ownerOf(key)),
        dayOf(key.createdAt),
        dayOf(key.lastUsedAt),
        md(statusOf(key)),
        md(todo),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
  ];
}
