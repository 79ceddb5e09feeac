import { showControls } from '../report/show-controls.js';
import { createTextStyle } from '../report/text-style.js';
import { wrapText } from '../report/wrap-text.js';
import { ADMIN_APIS } from './admin-clients.js';
import { auditTables, clip, ownerOf, statusOf, type AuditTable } from './audit-tables.js';
import { dayOf, plural } from './describe-time.js';
import type { ProviderKey } from './provider-admin.js';
import type { AuditResult } from './run-audit.js';

const HEADERS = ['Key', 'Owner', 'Created', 'Last used', 'Status', 'What to do'];

/**
 * The human audit report: one table per project (key, owner, created, last used, status, what to do),
 * then each finding with its sentence, what could not be read, and the keys no environment holds.
 * Every name and email from the provider is cut to a cell's length with its control characters
 * written out: a key named `ESC]0;…` must not retitle the terminal nor hide the report.
 */
export function renderAuditText(result: AuditResult, now: Date, options: { color: boolean }): string {
  const style = createTextStyle(options.color);
  const name = ADMIN_APIS[result.provider].name;
  const sections: string[][] = [
    [
      style.heading(
        `${name} provider audit at ${now.toISOString()}: ${plural(result.keys.length, 'key')}, ${plural(result.findings.length, 'finding')}`,
      ),
    ],
  ];
  for (const table of auditTables(result)) sections.push(renderTable(table, style.heading));
  if (result.findings.length > 0) {
    const lines = [style.heading('Findings')];
    for (const f of result.findings) {
      const where = f.projectName !== null ? ` in ${shown(f.projectName)}` : '';
      lines.push(`  ${f.problem}  ${keyLabel(f.keyName, f.keyId)}${f.redacted ? ` ${shown(f.redacted)}` : ''}${where}`);
      lines.push(...wrapText(f.detail, 96).map((l) => `    ${l}`));
    }
    sections.push(lines);
  }
  if (result.usageError !== undefined)
    sections.push([`Usage not read, so no usage spike was judged: ${showControls(result.usageError)}`]);
  if (result.notHeld)
    sections.push(
      result.notHeld.length === 0
        ? ['Every active project key is held by an environment.']
        : [
            style.heading('Active keys no environment holds (candidates to delete)'),
            ...result.notHeld.map(
              (k) => `  ${keyLabel(k.name, k.id)}${k.project ? ` in ${shown(k.project.name)}` : ''}`,
            ),
          ],
    );
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function renderTable(table: AuditTable, heading: (s: string) => string): string[] {
  const title = table.project
    ? `Project ${shown(table.project.name)} (${shown(table.project.id)})`
    : 'Keys outside any project (admin keys)';
  const cells = table.rows.map(({ key, todo }) => rowOf(key, todo));
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (row: string[]) => `  ${row.map((c, i) => (i < row.length - 1 ? c.padEnd(widths[i]!) : c)).join('  ')}`;
  return [heading(title), line(HEADERS), ...cells.map(line)];
}

function rowOf(key: ProviderKey, todo: string): string[] {
  return [
    keyLabel(key.name, key.id),
    shown(ownerOf(key)),
    dayOf(key.createdAt),
    dayOf(key.lastUsedAt),
    statusOf(key),
    todo,
  ];
}

function keyLabel(name: string, id: string): string {
  return `${shown(name)} (${shown(id)})`;
}

function shown(text: string): string {
  return showControls(clip(text));
}
