import { describe, expect, it } from 'vitest';
import { ISSUE_BODY_LIMIT, RECHECK_LINE, renderDashboard, type DashboardRow } from '../../src/report/render-dashboard.js';
import { recheckRequested, renderDashboardMarker } from '../../src/tracking/dashboard-marker.js';

const now = new Date('2026-08-20T12:00:00Z');
const row = (over: Partial<DashboardRow>): DashboardRow => ({ secret: 'OPENAI_API_KEY', scope: 'environment', environment: 'production', lastRotated: new Date('2026-06-01T00:00:00Z'), dueAt: new Date('2026-08-30T00:00:00Z'), status: 'due-soon', ...over });
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
        row({ secret: 'STRIPE_KEY', environment: 'production', status: 'missing', lastRotated: undefined, dueAt: undefined, exempt: true }),
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
      repository: 'acme/app', now, marker, rows: [],
      configErrors: [{ source: '.github/key-hygiene.yml', field: 'keys.0.rotate-every', value: '"ninety"', message: 'expected a duration such as 90d, 2w or 12h' }],
      skipped: [{ what: 'environment production', reason: 'forbidden', permission: 'environments=read' }, { what: 'organisation secrets', reason: 'not-found' }],
    });
    expect(text).toContain('- `.github/key-hygiene.yml` field `keys.0.rotate-every` is `"ninety"`: expected a duration such as 90d, 2w or 12h');
    expect(text).toContain('- environment production: 403 forbidden (needs the `environments=read` permission)');
    expect(text).toContain('- organisation secrets: 404 not found');
    expect(text).toContain('No keys tracked yet');
  });

  it('stays under GitHub’s 65,536-character body limit and says how many rows it left out', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => row({ secret: `KEY_${String(i).padStart(4, '0')}`, environment: `environment-with-a-long-name-${i}` }));
    const text = renderDashboard({ repository: 'acme/app', now, marker, rows });
    expect(text.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    const shown = text.split('\n').filter((l) => l.startsWith('| `')).length;
    expect(shown).toBeGreaterThan(100);
    expect(text).toContain(`…and ${3000 - shown} more keys not shown: GitHub limits an issue body to 65,536 characters.`);
    expect(text.trimEnd().endsWith(marker)).toBe(true);
  });

  it('keeps user-controlled names from breaking the table', () => {
    const text = renderDashboard({ repository: 'acme/app', now, marker, rows: [row({ environment: 'a|b`c' })] });
    expect(text).toContain('| `a/b c` |');
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
