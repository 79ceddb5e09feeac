import { describe, expect, it } from 'vitest';
import { renderOnboardingBody } from '../../src/onboarding/render-onboarding-body.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { renderAlertIncidentBody } from '../../src/tracking/incidents/render-alert-incident.js';
import { renderDashboard } from '../../src/tracking/dashboard/render-dashboard.js';
import { renderIncidentStatus } from '../../src/tracking/incidents/render-incident-close.js';
import { renderIncidentBody } from '../../src/tracking/incidents/render-incident.js';
import { renderIssueBody } from '../../src/tracking/key-issues/render-issue-body.js';
import { renderReminder, renderStatus } from '../../src/tracking/key-issues/render-issue-comment.js';
import { renderDashboardMarker } from '../../src/tracking/dashboard-marker.js';
import { renderIncidentMarker } from '../../src/tracking/incident-marker.js';
import { issueKindOf } from '../../src/tracking/issue-kind.js';
import { renderKeyMarker } from '../../src/tracking/key-marker.js';
import type { KeyIssueView } from '../../src/tracking/key-issues/key-issue-view.js';
import type { Finding } from '../../src/types.js';

// Every renderer that writes input into an issue, a comment or a pull request description, given
// a name built to break out: backticks around a team, forged markers of each kind on lines of
// their own, HTML, a table pipe, an issue reference. The output keeps the bot's own marker and
// no other, opens no HTML and mentions only the owners the policy names.

const FORGED_KEY =
  '<!-- key-hygiene:key {"key":"acme/api|repo|*|openai_api_key|rotate","exemption":{"by":"x","reason":"y","at":"2026-01-01T00:00:00Z"}} -->';
const FORGED_INCIDENT = `<!-- key-hygiene:incident {"fingerprint":"${'b'.repeat(64)}"} -->`;
const HOSTILE = `prod\`@acme/security\`\n${FORGED_KEY}\n${FORGED_INCIDENT}\n<!-- key-hygiene:dashboard {"v":1} -->\n|<img src=x onerror=alert(1)>#1 --!>`;
const now = new Date('2026-08-20T12:00:00Z');
const KEY_MARKER = renderKeyMarker({ key: 'acme/app|environment|prod|openai_api_key|rotate' });
const INCIDENT_MARKER = renderIncidentMarker({ fingerprint: 'a'.repeat(64) });

/** Text outside inline code spans, where GitHub renders HTML and mentions. */
const outsideCode = (markdown: string) => markdown.replace(/`[^`\n]*`/g, '');

function expectInert(markdown: string, ownMarkers: number): void {
  expect(markdown.match(/<!--/g) ?? []).toHaveLength(ownMarkers);
  expect(markdown).not.toContain(FORGED_KEY.slice(0, 30));
  const outside = outsideCode(markdown);
  expect(outside).not.toMatch(/<img|@(?!acme\/ml-platform\b)[a-z]/i);
  expect(outside).not.toMatch(/(^|[^\w/])#1\b/);
}

const view: KeyIssueView = {
  key: {
    repository: 'acme/app',
    scope: 'environment',
    environment: HOSTILE,
    secret: 'OPENAI_API_KEY',
    problem: 'rotate',
  },
  state: 'overdue',
  provider: 'openai',
  lastRotated: new Date('2026-04-01T00:00:00Z'),
  dueAt: new Date('2026-06-30T00:00:00Z'),
  rotateEvery: '90d',
  environments: [HOSTILE],
  owners: ['@acme/ml-platform'],
};
const finding = {
  path: HOSTILE,
  line: 3,
  keyKind: 'OpenAI project key',
  redacted: 'sk-proj-…abcd',
  detector: 'openai-project-key',
  provider: 'openai',
  severity: 'critical',
  fingerprint: 'a'.repeat(64),
} as unknown as Finding;

describe('renderers given hostile names', () => {
  it.each<[string, () => string, number]>([
    ['key issue body, rotation steps', () => renderIssueBody(view, { marker: KEY_MARKER, maxSnooze: '30d', now }), 1],
    [
      'key issue body, shared',
      () =>
        renderIssueBody(
          { ...view, state: 'shared', key: { ...view.key, problem: 'shared' } },
          { marker: KEY_MARKER, maxSnooze: '30d', now },
        ),
      1,
    ],
    [
      'key issue body, missing environment',
      () =>
        renderIssueBody(
          { ...view, state: 'missing', noEnvironment: true, key: { ...view.key, problem: 'missing' } },
          { marker: KEY_MARKER, maxSnooze: '30d', now },
        ),
      1,
    ],
    ['reminder', () => renderReminder(view, now), 0],
    [
      'status',
      () =>
        renderStatus(
          {
            secret: 'OPENAI_API_KEY',
            environment: HOSTILE,
            snooze: { until: '2026-09-01T00:00:00Z', by: '@mallory', reason: HOSTILE },
            exemption: { by: HOSTILE, reason: HOSTILE, at: '2026-08-01T00:00:00Z' },
          },
          now,
        ),
      0,
    ],
    [
      'push incident',
      () =>
        renderIncidentBody(
          { finding, commit: 'c'.repeat(40), branch: HOSTILE, remediation: 'Revoke it.', leakedAt: now },
          INCIDENT_MARKER,
        ),
      1,
    ],
    [
      'alert incident, a file',
      () =>
        renderAlertIncidentBody(
          {
            keyKind: 'OpenAI API key',
            repository: 'acme/app',
            place: { kind: 'file', path: HOSTILE, line: 1, commit: HOSTILE },
            alertNumber: 3,
            alertUrl: 'https://github.com/acme/app/security/secret-scanning/3',
            remediation: 'Revoke it.',
            leakedAt: now,
          },
          INCIDENT_MARKER,
        ),
      1,
    ],
    [
      'alert incident, another place',
      () =>
        renderAlertIncidentBody(
          {
            keyKind: 'OpenAI API key',
            repository: 'acme/app',
            place: { kind: 'other', what: HOSTILE },
            alertNumber: 3,
            alertUrl: 'https://github.com/acme/app/security/secret-scanning/3',
            remediation: 'Revoke it.',
            leakedAt: now,
          },
          INCIDENT_MARKER,
        ),
      1,
    ],
    [
      'incident status',
      () =>
        renderIncidentStatus({
          provider: 'openai',
          since: now,
          secrets: [
            { name: 'OPENAI_API_KEY', scope: 'environment', environment: HOSTILE, updatedAt: now, rotated: false },
          ],
          unread: [],
          allRotated: false,
        }),
      0,
    ],
    [
      'dashboard',
      () =>
        renderDashboard({
          repository: 'acme/app',
          now,
          marker: renderDashboardMarker(),
          rows: [{ secret: 'OPENAI_API_KEY', scope: 'environment', environment: HOSTILE, status: 'overdue' }],
          configErrors: [{ source: HOSTILE, field: HOSTILE, value: HOSTILE, message: HOSTILE }],
          skipped: [{ what: HOSTILE, reason: 'forbidden', permission: HOSTILE }],
        }),
      2,
    ],
  ])('%s', (_, render, ownMarkers) => {
    expectInert(render(), ownMarkers);
  });

  it('the dashboard table keeps one row per key, seven cells each', () => {
    const body = renderDashboard({
      repository: 'acme/app',
      now,
      marker: renderDashboardMarker(),
      rows: [{ secret: 'OPENAI_API_KEY', scope: 'environment', environment: HOSTILE, status: 'overdue' }],
    });
    const row = body.split('\n').find((l) => l.startsWith('| `OPENAI_API_KEY`'))!;
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(9);
  });

  it('each body is read back as the kind the bot wrote, nothing else', () => {
    expect(
      issueKindOf({
        labels: ['key-hygiene', 'overdue'],
        body: renderIssueBody(view, { marker: KEY_MARKER, maxSnooze: '30d', now }),
      }),
    ).toBe('key');
    expect(
      issueKindOf({
        labels: ['key-hygiene', 'leak'],
        body: renderIncidentBody(
          { finding, commit: 'c'.repeat(40), branch: HOSTILE, remediation: 'Revoke it.', leakedAt: now },
          INCIDENT_MARKER,
        ),
      }),
    ).toBe('incident');
  });

  it('the onboarding description of a config with hostile environments and owners', () => {
    const config = parseConfig(
      `keys:\n  - secret: OPENAI_API_KEY\n    environments: [${JSON.stringify(HOSTILE)}]\n    owners: [${JSON.stringify(HOSTILE)}]\nescalate-to: [${JSON.stringify(HOSTILE)}]\n`,
    );
    const body = renderOnboardingBody({ repository: 'acme/app', policy: { config }, workflow: true });
    expectInert(body, 1);
    const error = renderOnboardingBody({ repository: 'acme/app', policy: { error: HOSTILE }, workflow: true });
    expectInert(error, 1);
  });
});
