import type { KeyStatus } from '../../inventory/decision.js';
import type { DashboardRow } from './dashboard-rows.js';
import { inlineCode, isoDay } from '../../report/render-issue-text.js';

// The dashboard's tables: the repository's own keys, and on the organisation's `org-secrets-repo`
// the organisation's secrets with their visibility. Both share one issue body and its size limit.

const ORDER: Record<KeyStatus, number> = {
  overdue: 0,
  missing: 1,
  'shared-across-environments': 2,
  'due-soon': 3,
  ok: 4,
};
const STATUS_TEXT: Record<KeyStatus, string> = {
  overdue: '🔴 overdue',
  missing: '🔴 missing',
  'shared-across-environments': '🔴 shared',
  'due-soon': '🟡 due soon',
  ok: '🟢 ok',
};
/** GitHub's limit on an issue body (README, "What it does": the dashboard). */
export const ISSUE_BODY_LIMIT = 65_536;

/** A dashboard table: its rows worst first, each rendered as a line, and its header. */
export interface DashboardTable {
  rows: readonly DashboardRow[];
  lines: readonly string[];
  header: string;
}

const HEADERS = {
  own: '| secret | scope | environment | last rotated | due | status | issue |\n|---|---|---|---|---|---|---|',
  org: '| secret | visibility | last rotated | due | status | issue |\n|---|---|---|---|---|---|',
};
/** Room kept for each table's "…and N more" note. */
const NOTE_ROOM = 200;

/** The repository's own keys (`own`) or the organisation's secrets (`org`), sorted worst first. */
export function dashboardTable(rows: readonly DashboardRow[], kind: 'own' | 'org', now: Date): DashboardTable {
  const sorted = [...rows].sort(compareRows);
  const render = kind === 'own' ? renderRow : renderOrgRow;
  return { rows: sorted, lines: sorted.map((row) => render(row, now)), header: HEADERS[kind] };
}

/**
 * Each table as Markdown ('' for one with no rows), all of them together within `room` characters:
 * the worst status first across the tables (an overdue organisation secret before a healthy
 * repository key), each table's rows in order, until one does not fit; a note counts the rest.
 */
export function fitDashboardTables(tables: readonly DashboardTable[], room: number): string[] {
  const shown = tables.map(() => 0);
  let left = room - tables.reduce((n, t) => n + (t.rows.length ? t.header.length + NOTE_ROOM : 0), 0);
  const queue = tables.flatMap((t, table) => t.rows.map((row, index) => ({ table, index, order: ORDER[row.status] })));
  queue.sort((a, b) => a.order - b.order || a.table - b.table || a.index - b.index);
  for (const { table, index } of queue) {
    const size = tables[table]!.lines[index]!.length + 1;
    if (size > left) break;
    left -= size;
    shown[table]!++;
  }
  return tables.map((t, i) => (t.rows.length ? renderTable(t, shown[i]!) : ''));
}

function renderTable(table: DashboardTable, shown: number): string {
  const left = table.rows.length - shown;
  const note =
    left > 0
      ? `\n\n…and ${left} more keys not shown: GitHub limits an issue body to ${ISSUE_BODY_LIMIT.toLocaleString('en-US')} characters. Each key with a problem still has its own issue.`
      : '';
  return [table.header, ...table.lines.slice(0, shown)].join('\n') + note;
}

function renderRow(row: DashboardRow, now: Date): string {
  return renderCells([
    nameCell(row.secret),
    row.scope,
    row.environment ? inlineCode(row.environment.replace(/\|/g, '/')) : '—',
    ...commonCells(row, now),
  ]);
}

function renderOrgRow(row: DashboardRow, now: Date): string {
  return renderCells([nameCell(row.secret), visibilityCell(row), ...commonCells(row, now)]);
}

/** Last rotated, due, status, issue. */
function commonCells(row: DashboardRow, now: Date): string[] {
  let status = STATUS_TEXT[row.status];
  if (row.exempt) status += ' (exempt)';
  else if (row.snoozedUntil && row.snoozedUntil.getTime() > now.getTime())
    status += ` (snoozed until ${isoDay(row.snoozedUntil)})`;
  return [
    row.lastRotated ? isoDay(row.lastRotated) : '—',
    row.dueAt ? isoDay(row.dueAt) : '—',
    status,
    row.issue !== undefined ? `#${row.issue}` : '—',
  ];
}

/** `all`, `private`, `selected (3 repositories)`: which repositories may use an organisation secret. */
function visibilityCell(row: DashboardRow): string {
  if (row.visibility !== 'selected') return row.visibility ?? '—';
  const count = row.selectedRepositories;
  if (count === undefined) return 'selected';
  return `selected (${count} ${count === 1 ? 'repository' : 'repositories'})`;
}

/** A secret name in a table cell: inline code, and a `|` (which ends a cell even in code) escaped. */
function nameCell(name: string): string {
  return inlineCode(name).replace(/\|/g, '\\|');
}

function renderCells(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function compareRows(a: DashboardRow, b: DashboardRow): number {
  return (
    ORDER[a.status] - ORDER[b.status] ||
    a.secret.localeCompare(b.secret) ||
    (a.environment ?? '').localeCompare(b.environment ?? '')
  );
}
