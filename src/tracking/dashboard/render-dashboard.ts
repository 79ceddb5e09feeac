import { maskKeys } from '../../scan/mask-keys.js';
import type { DashboardConfigError } from './dashboard-config-error.js';
import type { DashboardRow } from './dashboard-rows.js';
import type { DashboardSkipped } from './dashboard-skipped.js';
import type { UnprotectedRow } from './unprotected-rows.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { dashboardTable, fitDashboardTables, ISSUE_BODY_LIMIT } from './fit-dashboard-tables.js';
import { inlineCode, quoteUserText } from '../../report/render-issue-text.js';
import { CONFIG_PATH } from '../../policy/config-path.js';
import { renderProviderKeys, type DashboardProviderKeys } from './render-provider-keys.js';

/** The dashboard's title; the planner finds the dashboard by its marker, not by this. */
export const DASHBOARD_TITLE = 'Key hygiene dashboard';

/**
 * The organisation's own secrets, on the dashboard of the repository that tracks them
 * (`org-secrets-repo`): their issues open there, so the dashboard there lists them.
 */
export interface DashboardOrgSecrets {
  /** The organisation's login. */
  org: string;
  /** Each organisation secret the policy tracks, with its visibility. */
  rows: readonly DashboardRow[];
  /** Why the latest organisation pass could not read them (then `rows` is empty). */
  skipped?: DashboardSkipped;
}

export interface DashboardInput {
  repository: string;
  rows: readonly DashboardRow[];
  configErrors?: readonly DashboardConfigError[];
  skipped?: readonly DashboardSkipped[];
  /** Production-like environments any branch can deploy to (`unprotected` decisions): errors, as in the Action. */
  unprotected?: readonly UnprotectedRow[];
  /** Teams named as owners or in `escalate-to` whose members could not be read (`what` is the team, `@org/team`). */
  unreadTeams?: readonly DashboardSkipped[];
  /** Set on the dashboard of the organisation's `org-secrets-repo` only. */
  orgSecrets?: DashboardOrgSecrets;
  /** Set on the dashboard of the organisation's `org-secrets-repo` only, when it has provider issues or an audit ran. */
  providerKeys?: DashboardProviderKeys;
  now: Date;
  /** Hidden marker that identifies the dashboard issue, appended last. */
  marker: string;
  /** Defaults to GitHub's body limit. */
  maxChars?: number;
}

/** The checkbox line; ticking it (an `issues.edited` event) asks for a sweep now. */
export const RECHECK_LINE =
  '- [ ] <!-- key-hygiene:recheck --> Re-check now (tick the box; I untick it when the sweep is done)';

const REASON_TEXT: Record<DashboardSkipped['reason'], string> = {
  forbidden: '403 forbidden',
  'not-found': '404 not found',
  archived: 'archived',
};

/** The heading of the organisation's secrets on the `org-secrets-repo` dashboard (a re-check looks for it). */
export const ORG_SECTION_HEADING = '## Organisation secrets';

/**
 * The "Key hygiene dashboard" issue body (modelled on Renovate's Dependency Dashboard): every
 * tracked key with scope, environment, last rotated, due date, status and its issue; on the
 * organisation's `org-secrets-repo`, the organisation's secrets with their visibility in a section of
 * their own; config errors; skipped scopes; a "re-check now" box. Always under `maxChars`: rows past
 * the limit (worst kept first, across both tables) are counted in a note instead. Names and dates
 * only — never a secret value.
 */
export function renderDashboard(input: DashboardInput): string {
  const max = input.maxChars ?? ISSUE_BODY_LIMIT;
  const own = dashboardTable(input.rows, 'own', input.now);
  const org = input.orgSecrets;
  const head = [
    `This issue lists the keys Key Hygiene tracks in ${input.repository}, as of the sweep at ${input.now.toISOString().slice(0, 16).replace('T', ' ')} UTC. It is rewritten at every sweep; edits other than the box below are lost.`,
    '',
    RECHECK_LINE,
    '',
    ...renderConfigErrors(input.configErrors ?? []),
    ...renderSkipped(input.skipped ?? []),
    ...renderUnprotected(input.unprotected ?? []),
    ...renderUnreadTeams(input.unreadTeams ?? []),
    `## Tracked keys (${own.rows.length})`,
    '',
  ].join('\n');
  const orgTable = dashboardTable(org?.rows ?? [], 'org', input.now);
  const orgHead = org ? renderOrgHead(org, orgTable.rows.length) : '';
  const providerText = renderProviderKeys(input.providerKeys);
  const tail = `${providerText ? `\n\n${providerText}` : ''}\n\n${input.marker}\n`;
  const [ownText, orgText] = fitDashboardTables([own, orgTable], max - head.length - orgHead.length - tail.length);
  const ownPart = own.rows.length === 0 ? noOwnKeys(org !== undefined) : ownText;
  const orgPart = org ? `\n\n${orgHead}${orgText}` : '';
  return `${head}${ownPart}${orgPart}${tail}`;
}

function noOwnKeys(orgSecrets: boolean): string {
  const hint = `list them under \`keys:\` in \`${CONFIG_PATH}\`.`;
  return orgSecrets
    ? `No keys of this repository tracked yet: ${hint} The organisation's secrets have a section of their own below.`
    : `No keys tracked yet: ${hint}`;
}

/** The organisation section's heading and what it is, or why its secrets could not be read. */
function renderOrgHead(org: DashboardOrgSecrets, count: number): string {
  const name = escapeMarkdown(org.org);
  const parts = [
    `${ORG_SECTION_HEADING} (${count})`,
    `This repository is ${name}'s \`org-secrets-repo\`: the organisation's own secrets are judged once per sweep and their issues open here.`,
  ];
  if (org.skipped) {
    const permission = org.skipped.permission ? ` (needs the ${inlineCode(org.skipped.permission)} permission)` : '';
    parts.push(
      `⚠️ The latest sweep could not read ${name}'s secrets: ${REASON_TEXT[org.skipped.reason]}${permission}. Their open issues here stay as they are until a sweep can read them.`,
    );
  } else if (count === 0) {
    parts.push(
      `No secret of ${name} is tracked: none matches \`keys:\` or \`track-names\` in the organisation's policy.`,
    );
  }
  return `${parts.join('\n\n')}${count ? '\n\n' : ''}`;
}

function renderConfigErrors(errors: readonly DashboardConfigError[]): string[] {
  if (errors.length === 0) return [];
  const shown = errors.slice(0, 20).map((e) => {
    const at = e.field ? ` field ${inlineCode(e.field)}` : '';
    const value = e.value !== undefined ? ` is ${inlineCode(maskKeys(e.value).slice(0, 80))}` : '';
    return `- ${inlineCode(e.source)}${at}${value}: ${quoteUserText(e.message)}`;
  });
  const more = errors.length > 20 ? [`- …and ${errors.length - 20} more`] : [];
  return [
    '## ⚠️ Config errors',
    '',
    'The last good (or default) policy applied until these are fixed:',
    '',
    ...shown,
    ...more,
    '',
  ];
}

function renderSkipped(skipped: readonly DashboardSkipped[]): string[] {
  if (skipped.length === 0) return [];
  const shown = skipped
    .slice(0, 50)
    .map(
      (s) =>
        `- ${quoteUserText(s.what)}: ${REASON_TEXT[s.reason]}${s.permission ? ` (needs the ${inlineCode(s.permission)} permission)` : ''}`,
    );
  const more = skipped.length > 50 ? [`- …and ${skipped.length - 50} more`] : [];
  return ['## Skipped', '', 'The sweep could not read these, so their keys are not judged:', '', ...shown, ...more, ''];
}

function renderUnprotected(environments: readonly UnprotectedRow[]): string[] {
  if (environments.length === 0) return [];
  const shown = environments
    .slice(0, 50)
    .map((row) => `- ${inlineCode(row.environment)}${row.issue !== undefined ? ` — #${row.issue}` : ''}`);
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
  const shown = teams
    .slice(0, 20)
    .map(
      (t) =>
        `- ${inlineCode(t.what)}: ${REASON_TEXT[t.reason]}${t.permission ? ` (needs the ${inlineCode(t.permission)} permission)` : ''}`,
    );
  const more = teams.length > 20 ? [`- …and ${teams.length - 20} more`] : [];
  return [
    '## Teams mentioned only',
    '',
    "The App could not list these teams' members, so their issues mention the team and assign nobody for it; a team mention from an App may notify nobody:",
    '',
    ...shown,
    ...more,
    '',
  ];
}
