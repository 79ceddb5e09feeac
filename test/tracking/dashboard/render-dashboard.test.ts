import { describe, expect, it } from 'vitest';
import type { DashboardRow } from '../../../src/tracking/dashboard/dashboard-rows.js';
import { ISSUE_BODY_LIMIT } from '../../../src/tracking/dashboard/fit-dashboard-tables.js';
import { RECHECK_LINE, renderDashboard } from '../../../src/tracking/dashboard/render-dashboard.js';
import { recheckRequested, renderDashboardMarker } from '../../../src/tracking/dashboard-marker.js';

const now = new Date('2026-08-20T12:00:00Z');
const row = (over: Partial<DashboardRow>): DashboardRow => ({
  secret: 'OPENAI_API_KEY',
  scope: 'environment',
  environment: 'production',
  lastRotated: new Date('2026-06-01T00:00:00Z'),
  dueAt: new Date('2026-08-30T00:00:00Z'),
  status: 'due-soon',
  ...over,
});
const marker = renderDashboardMarker();

describe('renderDashboard', () => {
  it('lists every tracked key, worst first, with scope, environment, dates, status and issue', () => {
    const text = renderDashboard({
      repository: 'acme/app',
      now,
      marker,
      rows: [
        row({ issue: 4 }),
        row({ environment: 'development', status: 'ok', dueAt: new Date('2026-11-01T00:00:00Z') }),
        row({ scope: 'repo', environment: undefined, status: 'shared-across-environments', issue: 5 }),
        row({ environment: 'staging', status: 'overdue', issue: 3, snoozedUntil: new Date('2026-09-01T00:00:00Z') }),
        row({
          secret: 'STRIPE_KEY',
          environment: 'production',
          status: 'missing',
          lastRotated: undefined,
          dueAt: undefined,
          exempt: true,
        }),
      ],
    });
    expect(text.split('\n').filter((l) => l.startsWith('| `'))).toEqual([
      '| `OPENAI_API_KEY` | environment | `staging` | 2026-06-01 | 2026-08-30 | 🔴 overdue (snoozed until 2026-09-01) | #3 |',
      '| `STRIPE_KEY` | environment | `production` | — | — | 🔴 missing (exempt) | — |',
      '| `OPENAI_API_KEY` | repo | — | 2026-06-01 | 2026-08-30 | 🔴 shared | #5 |',
      '| `OPENAI_API_KEY` | environment | `production` | 2026-06-01 | 2026-08-30 | 🟡 due soon | #4 |',
      '| `OPENAI_API_KEY` | environment | `development` | 2026-06-01 | 2026-11-01 | 🟢 ok | — |',
    ]);
    expect(text).toContain(RECHECK_LINE);
    expect(text.trimEnd().endsWith(marker)).toBe(true);
  });

  it('shows config errors with field and value, and skipped scopes with the missing permission', () => {
    const text = renderDashboard({
      repository: 'acme/app',
      now,
      marker,
      rows: [],
      configErrors: [
        {
          source: '.github/key-hygiene.yml',
          field: 'keys.0.rotate-every',
          value: '"ninety"',
          message: 'expected a duration such as 90d, 2w or 12h',
        },
      ],
      skipped: [
        { what: 'environment production', reason: 'forbidden', permission: 'environments=read' },
        { what: 'organisation secrets', reason: 'not-found' },
      ],
    });
    expect(text).toContain(
      '- `.github/key-hygiene.yml` field `keys.0.rotate-every` is `"ninety"`: expected a duration such as 90d, 2w or 12h',
    );
    expect(text).toContain('- environment production: 403 forbidden (needs the `environments=read` permission)');
    expect(text).toContain('- organisation secrets: 404 not found');
    expect(text).toContain('No keys tracked yet');
  });

  it('stays under GitHub’s 65,536-character body limit and says how many rows it left out', () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row({ secret: `KEY_${String(i).padStart(4, '0')}`, environment: `environment-with-a-long-name-${i}` }),
    );
    const text = renderDashboard({ repository: 'acme/app', now, marker, rows });
    expect(text.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    const shown = text.split('\n').filter((l) => l.startsWith('| `')).length;
    expect(shown).toBeGreaterThan(100);
    expect(text).toContain(
      `…and ${3000 - shown} more keys not shown: GitHub limits an issue body to 65,536 characters.`,
    );
    expect(text.trimEnd().endsWith(marker)).toBe(true);
  });

  it('keeps user-controlled names from breaking the table', () => {
    const text = renderDashboard({
      repository: 'acme/app',
      now,
      marker,
      rows: [row({ environment: 'a|b`c' }), row({ secret: 'K|EY', status: 'overdue' })],
    });
    expect(text).toContain('| `a/b c` |');
    expect(text).toContain('| `K\\|EY` | environment |');
  });
});

describe('recheckRequested', () => {
  it.each([
    [RECHECK_LINE, false],
    [RECHECK_LINE.replace('[ ]', '[x]'), true],
    [`intro\n${RECHECK_LINE.replace('[ ]', '[X]')}\n`, true],
    ['- [x] some other box', false],
    ['text - [x] <!-- key-hygiene:recheck --> not at the start of a line', false],
  ])('%j → %s', (body, expected) => {
    expect(recheckRequested(body)).toBe(expected);
  });
});

describe("renderDashboard on the organisation's org-secrets repository", () => {
  const orgRow = (over: Partial<DashboardRow>): DashboardRow =>
    row({ scope: 'org', environment: undefined, visibility: 'all', ...over });
  const tableRows = (text: string) => text.split('\n').filter((l) => l.startsWith('| `'));
  const orgPart = (text: string) => text.slice(text.indexOf('## Organisation secrets'));

  it("lists the organisation secrets with visibility, dates, status and issue in a section of their own, next to the repository's keys", () => {
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows: [row({ secret: 'RELEASE_TOKEN', scope: 'repo', environment: undefined, status: 'overdue', issue: 9 })],
      orgSecrets: {
        org: 'acme',
        rows: [
          orgRow({ secret: 'NPM_TOKEN', visibility: 'private', status: 'ok' }),
          orgRow({
            secret: 'SLACK_BOT_TOKEN',
            visibility: 'selected',
            selectedRepositories: 12,
            status: 'overdue',
            issue: 4,
          }),
          orgRow({ secret: 'SENTRY_AUTH_TOKEN', visibility: 'selected', selectedRepositories: 1, issue: 5 }),
          orgRow({ secret: 'GH_APP_KEY', visibility: 'selected', status: 'ok' }),
        ],
      },
    });
    expect(text).not.toContain('No keys');
    expect(text.indexOf('## Tracked keys (1)')).toBeLessThan(text.indexOf('## Organisation secrets (4)'));
    expect(tableRows(text.slice(0, text.indexOf('## Organisation secrets')))).toEqual([
      '| `RELEASE_TOKEN` | repo | — | 2026-06-01 | 2026-08-30 | 🔴 overdue | #9 |',
    ]);
    expect(orgPart(text)).toContain('| secret | visibility | last rotated | due | status | issue |');
    expect(tableRows(orgPart(text))).toEqual([
      '| `SLACK_BOT_TOKEN` | selected (12 repositories) | 2026-06-01 | 2026-08-30 | 🔴 overdue | #4 |',
      '| `SENTRY_AUTH_TOKEN` | selected (1 repository) | 2026-06-01 | 2026-08-30 | 🟡 due soon | #5 |',
      '| `GH_APP_KEY` | selected | 2026-06-01 | 2026-08-30 | 🟢 ok | — |',
      '| `NPM_TOKEN` | private | 2026-06-01 | 2026-08-30 | 🟢 ok | — |',
    ]);
    expect(text.trimEnd().endsWith(marker)).toBe(true);
  });

  it('with no keys of its own, says so for the repository only', () => {
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows: [],
      orgSecrets: { org: 'acme', rows: [orgRow({ issue: 4, status: 'overdue' })] },
    });
    expect(text).not.toContain('No keys tracked yet');
    expect(text).toContain('No keys of this repository tracked yet');
    expect(tableRows(orgPart(text))).toHaveLength(1);
  });

  it('says why when the organisation secrets could not be read, instead of "No keys tracked yet"', () => {
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows: [],
      orgSecrets: {
        org: 'acme',
        rows: [],
        skipped: {
          what: 'organisation secrets of acme (tracked in acme/.github)',
          reason: 'forbidden',
          permission: 'organization_secrets=read',
        },
      },
    });
    expect(text).not.toContain('No keys tracked yet');
    expect(orgPart(text)).toContain(
      "could not read acme's secrets: 403 forbidden (needs the `organization_secrets=read` permission)",
    );
    expect(text).not.toContain('## Skipped');
  });

  it('says when no organisation secret is tracked', () => {
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows: [],
      orgSecrets: { org: 'acme', rows: [] },
    });
    expect(orgPart(text)).toContain('No secret of acme is tracked');
    expect(text).not.toContain('| secret | visibility');
  });

  it('stays under the body limit with hundreds of organisation secrets and many keys, worst rows first across both tables', () => {
    const rows = Array.from({ length: 800 }, (_, i) =>
      row({
        secret: `REPO_KEY_${String(i).padStart(4, '0')}`,
        environment: `environment-with-a-long-name-${i}`,
        status: 'ok',
      }),
    );
    const org = Array.from({ length: 900 }, (_, i) =>
      orgRow({
        secret: `ORG_SECRET_WITH_A_LONG_NAME_${String(i).padStart(4, '0')}`,
        visibility: 'selected',
        selectedRepositories: i,
        status: i % 3 === 0 ? 'overdue' : 'ok',
        issue: i,
      }),
    );
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows,
      orgSecrets: { org: 'acme', rows: org },
    });
    expect(text.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    const shownOrg = tableRows(orgPart(text));
    const shownOwn = tableRows(text.slice(0, text.indexOf('## Organisation secrets')));
    // Every overdue organisation secret comes before any healthy key of either table.
    expect(shownOrg.filter((l) => l.includes('overdue'))).toHaveLength(300);
    expect(shownOrg.length + shownOwn.length).toBeGreaterThan(300);
    expect(orgPart(text)).toContain(`…and ${900 - shownOrg.length} more keys not shown`);
    expect(text).toContain(`…and ${800 - shownOwn.length} more keys not shown`);
    expect(text.trimEnd().endsWith(marker)).toBe(true);
  });

  it('escapes a hostile organisation or secret name: no broken row, no HTML, no hidden marker, no mention', () => {
    const text = renderDashboard({
      repository: 'acme/.github',
      now,
      marker,
      rows: [],
      orgSecrets: {
        org: 'ac<b>me @admins',
        rows: [orgRow({ secret: 'A|B`<!-- key-hygiene:dashboard -->\n| x | y |', issue: 3 })],
      },
    });
    const lines = tableRows(orgPart(text));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\| `A\\\|B .*` \| all \| 2026-06-01 \| 2026-08-30 \| 🟡 due soon \| #3 \|$/);
    expect(lines[0]!.split(/(?<!\\)\|/)).toHaveLength(8);
    expect(text.match(/<!--/g)).toHaveLength(2);
    expect(text).not.toContain('<b>');
    expect(text).not.toMatch(/@admins/);
  });
});
