import type { KeyStatus } from '../inventory/decision.js';
import type { SecretScope } from '../inventory/inventory.js';
import { maskKeys } from '../onboarding/mask-keys.js';
import { inlineCode, isoDay, quoteUserText } from './render-issue-text.js';

/** GitHub's limit on an issue body (GITHUB-FACTS.md, Limits). */
export const ISSUE_BODY_LIMIT = 65_536;

/** The dashboard's title; the planner finds the dashboard by its marker, not by this. */
export const DASHBOARD_TITLE = 'Key hygiene dashboard';

/** One tracked key in the dashboard table. */
export interface DashboardRow {
  secret: string;
  scope: SecretScope;
  environment?: string;
  lastRotated?: Date;
  dueAt?: Date;
  status: KeyStatus;
  /** The open issue tracking it. */
  issue?: number;
  snoozedUntil?: Date;
  exempt?: boolean;
}

/** A config file the sweep could not use (the last good or default policy applied). */
export interface DashboardConfigError {
  /** e.g. `.github/key-hygiene.yml`. */
  source: string;
  field?: string;
  value?: string;
  message: string;
}

/** A scope the sweep could not read. */
export interface DashboardSkipped {
  /** e.g. `environment production`, `organisation secrets`. */
  what: string;
  reason: 'forbidden' | 'not-found' | 'archived';
  /** From `X-Accepted-GitHub-Permissions` on a 403: the permission that was missing. */
  permission?: string;
}

export interface DashboardInput {
  repository: string;
  rows: readonly DashboardRow[];
  configErrors?: readonly DashboardConfigError[];
  skipped?: readonly DashboardSkipped[];
  /** Production-like environments any branch can deploy to (`unprotected` decisions): errors, as in the Action. */
  unprotected?: readonly string[];
  /** Teams named as owners or in `escalate-to` whose members could not be read (`what` is the team, `@org/team`). */
  unreadTeams?: readonly DashboardSkipped[];
  now: Date;
  /** Hidden marker that identifies the dashboard issue, appended last. */
  marker: string;
  /** Defaults to GitHub's body limit. */
  maxChars?: number;
}

/** The checkbox line; ticking it (an `issues.edited` event) asks for a sweep now. */
export const RECHECK_LINE = '- [ ] <!-- key-hygiene:recheck --> Re-check now (tick the box; I untick it when the sweep is done)';

const ORDER: Record<KeyStatus, number> = { overdue: 0, missing: 1, 'shared-across-environments': 2, 'due-soon': 3, ok: 4 };
const STATUS_TEXT: Record<KeyStatus, string> = {
  overdue: '🔴 overdue',
  missing: '🔴 missing',
  'shared-across-environments': '🔴 shared',
  'due-soon': '🟡 due soon',
  ok: '🟢 ok',
};
const REASON_TEXT: Record<DashboardSkipped['reason'], string> = { forbidden: '403 forbidden', 'not-found': '404 not found', archived: 'archived' };

/**
 * The "Key hygiene dashboard" issue body (modelled on Renovate's Dependency Dashboard): every
 * tracked key with scope, environment, last rotated, due date, status and its issue; config errors;
 * skipped scopes; a "re-check now" box. Always under `maxChars`: rows past the limit are counted
 * in a note instead. Names and dates only — never a secret value.
 */
export function renderDashboard(input: DashboardInput): string {
  const max = input.maxChars ?? ISSUE_BODY_LIMIT;
  const rows = [...input.rows].sort(compareRows);
  const head = [
    `This issue lists the keys Key Hygiene tracks in ${input.repository}, as of the sweep at ${input.now.toISOString().slice(0, 16).replace('T', ' ')} UTC. It is rewritten at every sweep; edits other than the box below are lost.`,
    '',
    RECHECK_LINE,
    '',
    ...renderConfigErrors(input.configErrors ?? []),
    ...renderSkipped(input.skipped ?? []),
    ...renderUnprotected(input.unprotected ?? []),
    ...renderUnreadTeams(input.unreadTeams ?? []),
    `## Tracked keys (${rows.length})`,
    '',
  ].join('\n');
  const tail = `\n\n${input.marker}\n`;
  if (rows.length === 0) return `${head}No keys tracked yet: list them under \`keys:\` in \`.github/key-hygiene.yml\`.${tail}`;

  const lines = ['| secret | scope | environment | last rotated | due | status | issue |', '|---|---|---|---|---|---|---|'];
  const noteRoom = 200;
  let size = head.length + tail.length + noteRoom + lines.join('\n').length;
  let shown = 0;
  for (const row of rows) {
    const line = renderRow(row, input.now);
    if (size + line.length + 1 > max) break;
    lines.push(line);
    size += line.length + 1;
    shown++;
  }
  const note = shown < rows.length
    ? `\n\n…and ${rows.length - shown} more keys not shown: GitHub limits an issue body to ${ISSUE_BODY_LIMIT.toLocaleString('en-US')} characters. Each key with a problem still has its own issue.`
    : '';
  return `${head}${lines.join('\n')}${note}${tail}`;
}

function renderRow(row: DashboardRow, now: Date): string {
  let status = STATUS_TEXT[row.status];
  if (row.exempt) status += ' (exempt)';
  else if (row.snoozedUntil && row.snoozedUntil.getTime() > now.getTime()) status += ` (snoozed until ${isoDay(row.snoozedUntil)})`;
  const cells = [
    inlineCode(row.secret),
    row.scope,
    row.environment ? inlineCode(row.environment.replace(/\|/g, '/')) : '—',
    row.lastRotated ? isoDay(row.lastRotated) : '—',
    row.dueAt ? isoDay(row.dueAt) : '—',
    status,
    row.issue !== undefined ? `#${row.issue}` : '—',
  ];
  return `| ${cells.join(' | ')} |`;
}

function renderConfigErrors(errors: readonly DashboardConfigError[]): string[] {
  if (errors.length === 0) return [];
  const shown = errors.slice(0, 20).map((e) => {
    const at = e.field ? ` field ${inlineCode(e.field)}` : '';
    const value = e.value !== undefined ? ` is ${inlineCode(maskKeys(e.value).slice(0, 80))}` : '';
    return `- ${inlineCode(e.source)}${at}${value}: ${quoteUserText(e.message)}`;
  });
  const more = errors.length > 20 ? [`- …and ${errors.length - 20} more`] : [];
  return ['## ⚠️ Config errors', '', 'The last good (or default) policy applied until these are fixed:', '', ...shown, ...more, ''];
}

function renderSkipped(skipped: readonly DashboardSkipped[]): string[] {
  if (skipped.length === 0) return [];
  const shown = skipped.slice(0, 50).map((s) => `- ${quoteUserText(s.what)}: ${REASON_TEXT[s.reason]}${s.permission ? ` (needs the ${inlineCode(s.permission)} permission)` : ''}`);
  const more = skipped.length > 50 ? [`- …and ${skipped.length - 50} more`] : [];
  return ['## Skipped', '', 'The sweep could not read these, so their keys are not judged:', '', ...shown, ...more, ''];
}

function renderUnprotected(environments: readonly string[]): string[] {
  if (environments.length === 0) return [];
  const shown = environments.slice(0, 50).map((name) => `- ${inlineCode(name)}`);
  const more = environments.length > 50 ? [`- …and ${environments.length - 50} more`] : [];
  return [
    `## 🔴 Production-like environments without protection (${environments.length})`,
    '',
    'Any branch can deploy to these and read their secrets: limit each to protected branches (Deployment branches and tags) or add required reviewers.',
    '',
    ...shown,
    ...more,
    '',
  ];
}

function renderUnreadTeams(teams: readonly DashboardSkipped[]): string[] {
  if (teams.length === 0) return [];
  const shown = teams.slice(0, 20).map((t) => `- ${inlineCode(t.what)}: ${REASON_TEXT[t.reason]}${t.permission ? ` (needs the ${inlineCode(t.permission)} permission)` : ''}`);
  const more = teams.length > 20 ? [`- …and ${teams.length - 20} more`] : [];
  return ['## Teams mentioned only', '', 'The App could not list these teams\' members, so their issues mention the team and assign nobody for it; a team mention from an App may notify nobody:', '', ...shown, ...more, ''];
}

function compareRows(a: DashboardRow, b: DashboardRow): number {
  return ORDER[a.status] - ORDER[b.status] || a.secret.localeCompare(b.secret) || (a.environment ?? '').localeCompare(b.environment ?? '');
}
