import { describe, expect, it } from 'vitest';
import type { InventoryItem } from '../../../src/inventory/inventory.js';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { renderCommentMarker } from '../../../src/tracking/comment-marker.js';
import type { CloseAction, OpenIssueAction } from '../../../src/tracking/issue-action.js';
import { parseKeyMarker, renderKeyMarker, replaceKeyMarker } from '../../../src/tracking/key-marker.js';
import { BOT } from '../fake-issues.js';
import { at, inventoryWith, policy, prodKey, Repo, types } from '../scenario.js';

const overdueKey = prodKey('2026-05-01T00:00:00Z'); // due 2026-07-30
const repoCopy: InventoryItem = { scope: 'repo', name: 'OPENAI_API_KEY', updatedAt: new Date('2026-05-01T00:00:00Z') };

describe('planIssues', () => {
  it('opens one issue per problem: overdue, shared and missing, labelled by kind, most urgent first', () => {
    const config = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [production, staging]
  - secret: STRIPE_KEY
    environments: [production]
    rotate-every: 30d
`);
    const repo = new Repo(
      {
        ...inventoryWith([
          overdueKey,
          repoCopy,
          {
            scope: 'environment',
            environment: 'production',
            name: 'STRIPE_KEY',
            updatedAt: new Date('2026-07-15T00:00:00Z'),
          },
        ]),
      },
      config,
    );
    const actions = repo.sweep(at('2026-08-05')) as OpenIssueAction[];
    expect(actions.map((a) => [a.title, a.labels])).toEqual([
      ['Rotate OPENAI_API_KEY (production): last rotated 2026-05-01, due 2026-07-30', ['key-hygiene', 'overdue']],
      ['Create environment staging with its own OPENAI_API_KEY', ['key-hygiene', 'missing-key']],
      [
        'Give each environment its own OPENAI_API_KEY: one repository value is shared by all',
        ['key-hygiene', 'shared-key'],
      ],
      ['Rotate STRIPE_KEY (production): last rotated 2026-07-15, due 2026-08-14', ['key-hygiene', 'due-soon']],
    ]);
  });

  it('closes a shared-key issue as fixed once the shared copy is deleted', () => {
    const repo = new Repo(inventoryWith([prodKey('2026-08-01T00:00:00Z'), repoCopy]));
    expect(types(repo.sweep(at('2026-08-05')))).toEqual(['open']);
    repo.inventory = inventoryWith([prodKey('2026-08-01T00:00:00Z')]);
    const [close] = repo.sweep(at('2026-08-06')) as CloseAction[];
    expect(close!.comment).toMatch(
      /^`OPENAI_API_KEY` is fixed: the latest sweep no longer sees the problem\. Closing\./,
    );
  });

  it('matches issues by marker, never by title: a human’s look-alike issue is left alone', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.issues.issues.push({
      number: 7,
      title: 'Rotate OPENAI_API_KEY (production): last rotated 2026-05-01, due 2026-07-30',
      body: 'I made this by hand',
      labels: ['key-hygiene'],
      state: 'open',
      comments: [],
    });
    expect(types(repo.sweep(at('2026-08-05')))).toEqual(['open']);
  });

  it('finds its issue after the title was renamed, and ignores markers in issues by other authors', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    const mine = repo.issues.get(1);
    mine.title = 'renamed by a human';
    repo.issues.issues.push({ ...mine, number: 9, author: 'mallory', comments: [] });
    expect(repo.plan(at('2026-08-06')).actions).toEqual([]);
  });

  it('keeps the oldest of duplicate open issues (two sweeps at once) and closes the others', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    const { actions } = repo.plan(at('2026-08-05'));
    repo.issues.apply(actions, at('2026-08-05'));
    repo.issues.apply(actions, at('2026-08-05'));
    const next = repo.sweep(at('2026-08-05'));
    expect(next).toEqual([
      expect.objectContaining({
        type: 'close',
        issue: 2,
        reason: 'not_planned',
        comment: expect.stringMatching(/^Duplicate of #1/),
      }),
    ]);
    expect(repo.issues.open().map((i) => i.number)).toEqual([1]);
  });

  it('never reopens an exempt key, and closes an open issue that records an exemption', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    const issue = repo.issues.get(1);
    issue.body = replaceKeyMarker(issue.body, {
      ...parseKeyMarker(issue.body)!,
      exemption: { by: 'carol', reason: 'test key', at: at('2026-08-06').toISOString() },
    });
    expect(repo.sweep(at('2026-08-06'))).toEqual([
      { type: 'close', key: parseKeyMarker(issue.body)!.key, issue: 1, reason: 'not_planned' },
    ]);
    expect(repo.sweep(at('2026-09-06'))).toEqual([]);
  });

  it('counts its own reminder comment when the marker could not record it, and nobody else’s', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    const key = parseKeyMarker(repo.issues.get(1).body)!.key;
    repo.issues.comment(
      1,
      'mallory',
      `fake ${renderCommentMarker({ key, kind: 'reminder', state: 'overdue' })}`,
      at('2026-08-08'),
    );
    expect(types(repo.plan(at('2026-08-08')).actions)).toEqual(['comment', 'update-body']);
    repo.issues.comment(
      1,
      BOT,
      `Reminder\n\n${renderCommentMarker({ key, kind: 'reminder', state: 'overdue' })}`,
      at('2026-08-08'),
    );
    expect(repo.plan(at('2026-08-08')).actions).toEqual([]);
  });

  it('treats a marker whose JSON was broken as no state: keeps the issue, no double reminder, repairs the marker', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    const issue = repo.issues.get(1);
    const key = parseKeyMarker(issue.body)!.key;
    issue.body = issue.body.replace(/<!-- key-hygiene:key .*-->/, `<!-- key-hygiene:key {"key":"${key}", oops -->`);
    const actions = repo.sweep(at('2026-08-06'));
    expect(types(actions)).toEqual(['update-body']);
    expect(parseKeyMarker(issue.body)).toMatchObject({ key, state: 'overdue', since: '2026-08-05T12:00:00.000Z' });
  });

  it('opens nothing that rests on a scope it could not read: environments unread, no "Create environment" nor "shared" issue', () => {
    const config = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    environments: [production, staging]
`);
    const unread = new Repo(inventoryWith([repoCopy]), config);
    unread.extra = { skippedScopes: ['environment'] };
    expect(unread.plan(at('2026-08-05')).actions).toEqual([]);
    // Read, the same repository has both problems.
    const read = new Repo(inventoryWith([repoCopy]), config);
    expect((read.plan(at('2026-08-05')).actions as OpenIssueAction[]).map((a) => a.labels[1])).toEqual(
      expect.arrayContaining(['missing-key', 'shared-key']),
    );
  });

  it('leaves issues about a scope the sweep could not read', () => {
    const repo = new Repo(inventoryWith([prodKey('2026-08-01T00:00:00Z'), repoCopy]));
    repo.sweep(at('2026-08-05'));
    repo.inventory = inventoryWith([prodKey('2026-08-01T00:00:00Z')]);
    repo.extra = { skippedScopes: ['repo'] };
    expect(repo.plan(at('2026-08-06')).actions).toEqual([]);
  });

  it('closes a rotated issue and opens a fresh one when the new key is already due (a short rotate-every)', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    repo.inventory = inventoryWith([prodKey('2026-05-20T00:00:00Z')]);
    const actions = repo.sweep(at('2026-08-06'));
    expect(types(actions)).toEqual(['close', 'open']);
    expect((actions[0] as CloseAction).comment).toContain('was rotated on 2026-05-20; next due 2026-08-18');
  });

  it('closes as no longer tracked when the key leaves the policy', () => {
    const repo = new Repo(inventoryWith([overdueKey]));
    repo.sweep(at('2026-08-05'));
    // Nor by name: with no `keys:` entry, a key-like name would still get the default rotation.
    repo.config = parseConfig('track-names: []');
    const [close] = repo.sweep(at('2026-08-06')) as CloseAction[];
    expect(close!.comment).toMatch(/no longer found, or the policy no longer tracks it/);
  });

  it.each([
    ['policy owners', ['@acme/ml-platform'], { codeowners: ['@acme/web'], admins: ['root'] }, '@acme/ml-platform'],
    [
      'CODEOWNERS when the policy names none',
      [],
      { codeowners: ['acme/web', 'ops@example.com'], admins: ['root'] },
      '@acme/web',
    ],
    ['admins as the last resort', [], { admins: ['root'] }, '@root'],
  ])('mentions %s', (_, owners, sources, expected) => {
    const config = parseConfig(
      `keys:\n  - secret: OPENAI_API_KEY\n    environments: [production]\n    owners: ${JSON.stringify(owners)}\n`,
    );
    const repo = new Repo(inventoryWith([overdueKey]), config, { owners: sources });
    const [open] = repo.plan(at('2026-08-05')).actions as OpenIssueAction[];
    expect(open!.body).toContain(`### Owners\n${expected}\n`);
  });

  it('defers content past the cap, most urgent first, and takes it up at the next sweep', () => {
    const config = parseConfig(
      `keys:\n${['A_KEY', 'B_KEY', 'C_KEY'].map((s) => `  - secret: ${s}\n    environments: [production]\n`).join('')}`,
    );
    const secret = (name: string, updatedAt: string): InventoryItem => ({
      scope: 'environment',
      environment: 'production',
      name,
      updatedAt: new Date(updatedAt),
    });
    const repo = new Repo(
      inventoryWith([
        secret('A_KEY', '2026-05-20T00:00:00Z'),
        secret('B_KEY', '2026-05-01T00:00:00Z'),
        secret('C_KEY', '2026-05-02T00:00:00Z'),
      ]),
      config,
      { maxContent: 2 },
    );
    const { actions, deferred } = repo.plan(at('2026-08-05'));
    expect(actions.map((a) => a.key.split('|')[3])).toEqual(['b_key', 'c_key']);
    expect(deferred.map((a) => a.key.split('|')[3])).toEqual(['a_key']);
    repo.issues.apply(actions, at('2026-08-05'));
    expect(repo.plan(at('2026-08-05')).actions.map((a) => a.key.split('|')[3])).toEqual(['a_key']);
  });

  it('never puts anything but names and dates in what it writes', () => {
    const repo = new Repo(inventoryWith([overdueKey, repoCopy]));
    const text = JSON.stringify(repo.plan(at('2026-08-05')));
    expect(text).not.toMatch(/sk-(proj|svcacct|admin)-|T3BlbkFJ/);
    expect(renderKeyMarker({ key: 'k' })).not.toContain('undefined');
  });

  it('uses the policy default cadences (7d due soon) when the policy sets none', () => {
    expect(policy.reminders).toEqual({ 'due-soon': '7d', overdue: '3d' });
  });
});
