import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../../../src/inventory/evaluate-inventory.js';
import { evaluateOrgSecrets } from '../../../src/inventory/evaluate-unlisted-secrets.js';
import { renderDashboard } from '../../../src/tracking/dashboard/render-dashboard.js';
import { dashboardRowsOf } from '../../../src/tracking/dashboard/dashboard-rows.js';
import { renderDashboardMarker } from '../../../src/tracking/dashboard-marker.js';
import { planDashboard } from '../../../src/tracking/dashboard/plan-dashboard.js';
import { planIssues } from '../../../src/tracking/key-issues/plan-issues.js';
import { BOT } from '../fake-issues.js';
import { at, inventoryWith, policy, prodKey, Repo } from '../scenario.js';

describe('planDashboard', () => {
  const body = `table\n\n${renderDashboardMarker()}\n`;
  const dashboard = (number: number, text = body) => ({
    number,
    title: 'Key hygiene dashboard',
    body: text,
    labels: ['key-hygiene'],
    state: 'open' as const,
    author: BOT,
    comments: [],
  });

  it('opens the dashboard once, rewrites it when it changed, and closes newer duplicates', () => {
    expect(planDashboard([], body, { enabled: true, botLogin: BOT })).toEqual([
      { type: 'open', key: 'dashboard', title: 'Key hygiene dashboard', body, labels: ['key-hygiene'] },
    ]);
    expect(planDashboard([dashboard(3)], body, { enabled: true, botLogin: BOT })).toEqual([]);
    expect(
      planDashboard([dashboard(3, `old\n${renderDashboardMarker()}`)], body, { enabled: true, botLogin: BOT }),
    ).toEqual([{ type: 'update-body', key: 'dashboard', issue: 3, body }]);
    const actions = planDashboard([dashboard(8), dashboard(3)], body, { enabled: true, botLogin: BOT });
    expect(actions).toEqual([expect.objectContaining({ type: 'close', issue: 8, comment: 'Duplicate of #3.' })]);
  });

  it('closes the dashboard when the policy turns it off, and ignores look-alikes by others', () => {
    expect(planDashboard([dashboard(3)], body, { enabled: false, botLogin: BOT })).toEqual([
      expect.objectContaining({ type: 'close', issue: 3 }),
    ]);
    expect(
      planDashboard([{ ...dashboard(3), author: 'mallory' }], body, { enabled: true, botLogin: BOT })[0]?.type,
    ).toBe('open');
  });
});

describe('dashboardRowsOf', () => {
  it('links each key to its open issue and shows snoozes', () => {
    const repo = new Repo(inventoryWith([prodKey('2026-05-01T00:00:00Z')]));
    repo.sweep(at('2026-08-05'));
    const decisions = evaluateInventory(repo.inventory, policy, at('2026-08-05'));
    const rows = dashboardRowsOf('acme/app', decisions, repo.issues.issues);
    expect(rows).toEqual([
      {
        secret: 'OPENAI_API_KEY',
        scope: 'environment',
        environment: 'production',
        lastRotated: new Date('2026-05-01T00:00:00Z'),
        dueAt: new Date('2026-07-30T00:00:00Z'),
        status: 'overdue',
        issue: 1,
      },
    ]);
    const text = renderDashboard({
      repository: 'acme/app',
      rows,
      now: at('2026-08-05'),
      marker: renderDashboardMarker(),
    });
    expect(text).toContain(
      '| `OPENAI_API_KEY` | environment | `production` | 2026-05-01 | 2026-07-30 | 🔴 overdue | #1 |',
    );
  });
});

describe("dashboardRowsOf, for the organisation's own secrets", () => {
  it('gives each its visibility and links the open issue the organisation pass opened in the tracking repository', () => {
    const now = at('2026-08-05');
    const secrets = [
      {
        scope: 'org' as const,
        name: 'SLACK_BOT_TOKEN',
        updatedAt: new Date('2026-04-01T00:00:00Z'),
        visibility: 'selected' as const,
        selectedRepositories: 3,
      },
      {
        scope: 'org' as const,
        name: 'NPM_TOKEN',
        updatedAt: new Date('2026-08-01T00:00:00Z'),
        visibility: 'private' as const,
      },
    ];
    const decisions = evaluateOrgSecrets(secrets, policy, now);
    const open = planIssues({ repository: 'acme', decisions, policy, issues: [], botLogin: BOT, now }).actions.find(
      (a) => a.type === 'open',
    )!;
    if (open.type !== 'open') throw new Error('expected an open action');
    const issue = {
      number: 7,
      title: open.title,
      body: open.body,
      labels: open.labels,
      state: 'open' as const,
      author: BOT,
      comments: [],
    };
    const rows = dashboardRowsOf('acme', decisions, [issue]);
    expect(rows).toEqual([
      expect.objectContaining({
        secret: 'SLACK_BOT_TOKEN',
        scope: 'org',
        visibility: 'selected',
        selectedRepositories: 3,
        status: 'overdue',
        issue: 7,
      }),
      expect.objectContaining({ secret: 'NPM_TOKEN', scope: 'org', visibility: 'private', status: 'ok' }),
    ]);
    expect(rows[1]).not.toHaveProperty('issue');
    // The repository's own rows never pick up the organisation's issue.
    const own = dashboardRowsOf(
      'acme/.github',
      evaluateOrgSecrets(
        secrets.slice(0, 1).map((s) => ({ ...s, scope: 'repo' as const })),
        policy,
        now,
      ),
      [issue],
    );
    expect(own[0]).not.toHaveProperty('issue');
  });
});
