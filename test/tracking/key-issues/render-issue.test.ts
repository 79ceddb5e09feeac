import { describe, expect, it } from 'vitest';
import { renderIssueBody } from '../../../src/tracking/key-issues/render-issue-body.js';
import {
  renderEscalation,
  renderReminder,
  renderRotated,
} from '../../../src/tracking/key-issues/render-issue-comment.js';
import { renderIssueHelp } from '../../../src/tracking/key-issues/render-issue-help.js';
import { quoteUserText } from '../../../src/report/render-issue-text.js';
import { renderIssueTitle } from '../../../src/tracking/key-issues/render-issue-title.js';
import type { KeyIssueView } from '../../../src/tracking/key-issues/key-issue-view.js';

const now = new Date('2026-08-20T12:00:00Z');
const rotate: KeyIssueView = {
  key: {
    repository: 'acme/app',
    scope: 'environment',
    environment: 'production',
    secret: 'OPENAI_API_KEY',
    problem: 'rotate',
  },
  state: 'due-soon',
  provider: 'openai',
  lastRotated: new Date('2026-06-01T00:00:00Z'),
  dueAt: new Date('2026-08-30T00:00:00Z'),
  rotateEvery: '90d',
  environments: ['production'],
  owners: ['@acme/ml-platform'],
};
const shared: KeyIssueView = {
  ...rotate,
  key: { ...rotate.key, scope: 'repo', environment: undefined, problem: 'shared' },
  state: 'shared',
  environments: ['development', 'production'],
};
const missing: KeyIssueView = {
  ...rotate,
  key: { ...rotate.key, environment: 'staging', problem: 'missing' },
  state: 'missing',
  provider: undefined,
  lastRotated: undefined,
  dueAt: undefined,
  fallbackScope: 'org',
};
const body = (view: KeyIssueView) =>
  renderIssueBody(view, { marker: '<!-- key-hygiene:key {"key":"k"} -->', maxSnooze: '30d', now });

describe('renderIssueTitle', () => {
  it.each<[string, KeyIssueView, string]>([
    ['due soon', rotate, 'Rotate OPENAI_API_KEY (production): last rotated 2026-06-01, due 2026-08-30'],
    [
      'overdue (same title: the issue is relabelled, not renamed)',
      { ...rotate, state: 'overdue' },
      'Rotate OPENAI_API_KEY (production): last rotated 2026-06-01, due 2026-08-30',
    ],
    [
      'a repository secret',
      { ...rotate, key: { ...rotate.key, scope: 'repo', environment: undefined } },
      'Rotate OPENAI_API_KEY (repository secret): last rotated 2026-06-01, due 2026-08-30',
    ],
    ['shared', shared, 'Give each environment its own OPENAI_API_KEY: one repository value is shared by all'],
    [
      'shared from the org',
      { ...shared, key: { ...shared.key, scope: 'org' } },
      'Give each environment its own OPENAI_API_KEY: one organisation value is shared by all',
    ],
    ['missing', missing, 'Add OPENAI_API_KEY to environment staging'],
    [
      'missing environment',
      { ...missing, noEnvironment: true },
      'Create environment staging with its own OPENAI_API_KEY',
    ],
    [
      'missing at repository level',
      { ...missing, key: { ...missing.key, scope: 'repo', environment: undefined } },
      'Add OPENAI_API_KEY as a repository or organisation secret',
    ],
    [
      'an org-level key',
      { ...rotate, key: { ...rotate.key, scope: 'org', environment: undefined } },
      'Rotate OPENAI_API_KEY (organisation secret): last rotated 2026-06-01, due 2026-08-30',
    ],
  ])('%s', (_, view, title) => {
    expect(renderIssueTitle(view)).toBe(title);
  });
});

describe('renderIssueBody', () => {
  it('says what, why, how (OpenAI’s own steps), who, the commands, and ends with the marker', () => {
    const text = body(rotate);
    expect(text).toContain(
      '### What\nIn acme/app, the `production` environment secret `OPENAI_API_KEY` (Settings → Environments → `production` → Environment secrets: https://github.com/acme/app/settings/environments) was last rotated on 2026-06-01 and is due for rotation on 2026-08-30 (in 9 days). The policy asks for a new key every 90d.',
    );
    expect(text).toContain('widens the window an attacker has');
    expect(text).toContain(
      '1. Create a new **project key** for the project this environment uses at https://platform.openai.com/api-keys',
    );
    expect(text).toContain('2. Update the `production` environment secret `OPENAI_API_KEY`');
    expect(text).toContain('4. Revoke the old key in the API-keys page (https://platform.openai.com/api-keys)');
    expect(text).toContain('### Owners\n@acme/ml-platform\n');
    expect(text).toContain('`/snooze 14d <reason>`');
    expect(text.trimEnd().endsWith('<!-- key-hygiene:key {"key":"k"} -->')).toBe(true);
  });

  it('gives generic steps for a provider it does not know', () => {
    const text = body({ ...rotate, provider: 'acme-internal' });
    expect(text).toContain(
      '1. Create a new key with the provider, with the same permissions (no more), made for this one environment.',
    );
    expect(text).toContain('4. Revoke or delete the old key with the provider');
  });

  it('explains a shared key and how to split it', () => {
    const text = body(shared);
    expect(text).toContain(
      'the repository secret `OPENAI_API_KEY` (https://github.com/acme/app/settings/secrets/actions) is one value that every job can read',
    );
    expect(text).toContain('`development`, `production` must each hold their own');
    expect(text).toContain('2. Delete the repository secret `OPENAI_API_KEY`');
  });

  it('explains a missing value and where its jobs get one instead', () => {
    expect(body(missing)).toContain(
      'the environment `staging` has no `OPENAI_API_KEY` of its own. Its jobs get the organisation value instead',
    );
    expect(body({ ...missing, noEnvironment: true })).toContain(
      '1. Create the environment `staging` (https://github.com/acme/app/settings/environments/new)',
    );
  });

  it('explains a key missing at repository level and where to add it', () => {
    const text = body({ ...missing, key: { ...missing.key, scope: 'repo', environment: undefined } });
    expect(text).toContain(
      '`OPENAI_API_KEY` is defined neither as a repository secret nor as an organisation secret visible to the repository',
    );
    expect(text).toContain(
      '2. Add it as the repository secret `OPENAI_API_KEY` (https://github.com/acme/app/settings/secrets/actions).',
    );
  });

  it('says how to find owners when there are none', () => {
    expect(body({ ...rotate, owners: [] })).toContain('No owners found: add `owners` for this key');
  });
});

describe('issue comments', () => {
  it.each<[string, string, string]>([
    [
      'due-soon reminder',
      renderReminder(rotate, now),
      '@acme/ml-platform: reminder — `OPENAI_API_KEY` in `production` is due for rotation on 2026-08-30 (in 9 days).',
    ],
    [
      'overdue reminder',
      renderReminder({ ...rotate, state: 'overdue' }, new Date('2026-09-02T12:00:00Z')),
      '@acme/ml-platform: `OPENAI_API_KEY` in `production` is **overdue** for rotation: it was due on 2026-08-30 (3 days ago). The steps are in the issue description.',
    ],
    [
      'escalation',
      renderEscalation(
        { ...rotate, state: 'overdue' },
        ['@acme/security'],
        new Date('2026-09-13T12:00:00Z'),
        rotate.dueAt,
      ),
      '@acme/security: escalating — `OPENAI_API_KEY` in `production` has been overdue for rotation for 14 days, past the policy’s `escalate-after`. Owners: @acme/ml-platform. Please rotate it, or record a decision with `/snooze <days> <reason>` or `/exempt <reason>`.',
    ],
    [
      'rotated',
      renderRotated(rotate, new Date('2026-09-29T09:00:00Z'), new Date('2026-12-28T09:00:00Z')),
      '`OPENAI_API_KEY` in `production` was rotated on 2026-09-29; next due 2026-12-28. Thank you — closing.',
    ],
  ])('%s', (_, text, expected) => {
    expect(text).toBe(expected);
  });

  it('help names the max-snooze bound', () => {
    expect(renderIssueHelp('21d')).toContain('at most 21d');
  });

  it('neutralises what users typed before the bot repeats it', () => {
    expect(quoteUserText('ping @everyone <!-- key-hygiene:comment {"kind":"reminder"} -->\nnext line')).toBe(
      'ping @\u200beveryone &lt;\\!-- key-hygiene:comment {"kind":"reminder"} --&gt; next line',
    );
    expect(quoteUserText('x'.repeat(500))).toHaveLength(200);
  });
});
