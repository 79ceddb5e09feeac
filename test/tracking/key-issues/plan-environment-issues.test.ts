import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../src/inventory/inventory.js';
import { evaluateInventory } from '../../../src/inventory/evaluate-inventory.js';
import { parseConfig } from '../../../src/policy/parse-config.js';
import { renderDashboard } from '../../../src/tracking/dashboard/render-dashboard.js';
import type { CloseAction, CommentAction, OpenIssueAction } from '../../../src/tracking/issue-action.js';
import { issueKindOf } from '../../../src/tracking/issue-kind.js';
import { parseKeyMarker, replaceKeyMarker } from '../../../src/tracking/key-marker.js';
import { mentionedTeams } from '../../../src/tracking/mentioned-teams.js';
import { unprotectedRowsOf } from '../../../src/tracking/dashboard/unprotected-rows.js';
import { decideCommand } from '../../../src/tracking/commands/decide-command.js';
import { parseCommand } from '../../../src/tracking/commands/parse-command.js';
import { BOT } from '../fake-issues.js';
import { at, Repo, types } from '../scenario.js';

// A production-like environment any branch can deploy to is an error on both fronts; the App
// tracks it with an issue of its own, as it tracks a shared or missing key.

const config = parseConfig(`
escalate-after: 14d
escalate-to: ['@acme/security']
reminders:
  overdue: 3d
`);

const withEnvironments = (environments: Inventory['environments']): Inventory => ({
  repository: 'acme/app',
  environments,
  secrets: [],
});
const unprotected = withEnvironments([
  { name: 'production', requiredReviewers: false, branchPolicy: false },
  { name: 'staging', requiredReviewers: false, branchPolicy: false },
]);
const owners = { codeowners: ['@alice', '@acme/platform'] };
const teams = new Map([
  ['acme/platform', { members: ['bob', 'dana'], more: false }],
  ['acme/security', { members: ['sec1'], more: false }],
]);

function repo(inventory: Inventory = unprotected): Repo {
  const r = new Repo(inventory, config, { owners, teams });
  r.extra.environments = inventory.environments.map((e) => e.name);
  return r;
}

describe('planIssues: unprotected production-like environments', () => {
  it('opens one issue per unprotected production-like environment, saying what, why and how, with its owners mentioned and assigned', () => {
    const r = repo();
    const [open, ...rest] = r.sweep(at('2026-08-05')) as OpenIssueAction[];
    expect(rest).toEqual([]);
    expect(open!.title).toBe(
      'Protect the production environment production: any branch can deploy to it and read its secrets',
    );
    expect(open!.labels).toEqual(['key-hygiene', 'unprotected-environment']);
    expect(open!.body).toContain('the environment `production` looks like production');
    expect(open!.body).toMatch(/any branch .*can name the environment and read its production keys/);
    expect(open!.body).toContain(
      'Settings → Environments → `production` (https://github.com/acme/app/settings/environments)',
    );
    expect(open!.body).toContain('**Deployment branches and tags**');
    expect(open!.body).toContain('**Required reviewers**');
    expect(open!.body).toContain('@alice @acme/platform');
    expect(open!.assign).toEqual({ logins: ['alice', 'bob', 'dana'], max: 10 });
    const marker = parseKeyMarker(open!.body)!;
    expect(marker).toMatchObject({
      key: 'acme/app|environment|production|*|unprotected',
      state: 'unprotected',
      environment: 'production',
    });
    expect(issueKindOf({ body: open!.body, labels: open!.labels })).toBe('key');
  });

  it('opens nothing for a protected one (branch policy or required reviewers) or one that does not look like production', () => {
    const r = repo(
      withEnvironments([
        { name: 'production', requiredReviewers: false, branchPolicy: true },
        { name: 'prod-eu', requiredReviewers: true, branchPolicy: false },
        { name: 'staging', requiredReviewers: false, branchPolicy: false },
      ]),
    );
    expect(r.sweep(at('2026-08-05'))).toEqual([]);
  });

  it('reminds on the `reminders.overdue` cadence, then escalates once after `escalate-after`, assigning the escalation’s team', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    expect(r.sweep(at('2026-08-07'))).toEqual([]);
    const [reminder] = r.sweep(at('2026-08-08')) as CommentAction[];
    expect(reminder!.body).toMatch(
      /^@alice @acme\/platform: reminder — the environment `production` still looks like production/,
    );
    expect(r.sweep(at('2026-08-10'))).toEqual([]);
    const escalation = r.sweep(at('2026-08-19'));
    expect(types(escalation)).toEqual(['comment', 'labels', 'update-body']);
    const comment = escalation[0] as CommentAction;
    expect(comment.body).toMatch(
      /^@acme\/security: escalating — the environment `production` has needed attention for 14 days.*Please protect it/,
    );
    expect(comment.assign).toEqual({ logins: ['sec1'], max: 10 });
    expect(escalation[1]).toMatchObject({ add: ['escalated'] });
    expect(types(r.sweep(at('2026-08-22')))).toEqual(['comment', 'update-body']);
    expect(r.issues.open().map((i) => i.number)).toEqual([1]);
  });

  it('closes the issue with a comment once the environment is protected, and opens none again', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    r.inventory = withEnvironments([{ name: 'production', requiredReviewers: true, branchPolicy: false }]);
    r.extra.environments = ['production'];
    const [close] = r.sweep(at('2026-08-06')) as CloseAction[];
    expect(close).toMatchObject({ type: 'close', issue: 1, reason: 'completed' });
    expect(close!.comment).toMatch(
      /^The environment `production` is protected now: it has a deployment branch policy or required reviewers/,
    );
    expect(r.sweep(at('2026-09-06'))).toEqual([]);
  });

  it('closes it saying the environment is gone when it was deleted or renamed', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    r.inventory = withEnvironments([{ name: 'live', requiredReviewers: false, branchPolicy: false }]);
    r.extra.environments = ['live'];
    const [close] = r.sweep(at('2026-08-06')) as CloseAction[];
    expect(close!.comment).toMatch(/^The environment `production` no longer exists \(deleted or renamed\)/);
  });

  it('leaves the issue alone when the environments could not be listed, and opens none then', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    r.inventory = withEnvironments([]);
    delete r.extra.environments;
    r.extra.skippedScopes = ['environment'];
    expect(r.sweep(at('2026-08-06'))).toEqual([]);
    expect(r.issues.open().map((i) => i.number)).toEqual([1]);
  });

  it('honours /snooze and /exempt recorded in the marker', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    const issue = r.issues.get(1);
    const marker = parseKeyMarker(issue.body)!;
    issue.body = replaceKeyMarker(issue.body, {
      ...marker,
      snooze: { until: at('2026-08-30').toISOString(), by: 'carol', reason: 'migrating' },
    });
    expect(r.sweep(at('2026-08-20'))).toEqual([]);
    issue.body = replaceKeyMarker(issue.body, {
      ...marker,
      exemption: { by: 'carol', reason: 'a demo environment', at: at('2026-08-21').toISOString() },
    });
    expect(r.sweep(at('2026-08-21'))).toEqual([{ type: 'close', key: marker.key, issue: 1, reason: 'not_planned' }]);
    expect(r.sweep(at('2026-09-21'))).toEqual([]);
  });

  it('counts the environment’s owners among the teams to read, and links the issue from the dashboard', () => {
    const decisions = evaluateInventory(unprotected, config, at('2026-08-05'));
    expect(mentionedTeams(decisions, config, owners)).toEqual(['acme/security', 'acme/platform']);
    const r = repo();
    r.sweep(at('2026-08-05'));
    const rows = unprotectedRowsOf('acme/app', decisions, r.issues.issues);
    expect(rows).toEqual([{ environment: 'production', issue: 1 }]);
    const body = renderDashboard({
      repository: 'acme/app',
      rows: [],
      unprotected: rows,
      now: at('2026-08-05'),
      marker: '',
    });
    expect(body).toContain('- `production` — #1');
  });

  it('answers /status about the environment and /rotated without re-reading a secret; /snooze works as on key issues', () => {
    const r = repo();
    r.sweep(at('2026-08-05'));
    const marker = parseKeyMarker(r.issues.get(1).body)!;
    const context = {
      actorPermission: 'write' as const,
      actorLogin: 'carol',
      isBot: false,
      botLogin: BOT,
      policy: config,
      marker,
      now: at('2026-08-06'),
    };
    const status = decideCommand(parseCommand('/status')!, context);
    expect(status).toMatchObject({
      type: 'reply',
      reply: expect.stringMatching(
        /^Status of the environment `production`:\n- state: unprotected\n- last reminder: 2026-08-05/,
      ),
    });
    expect(decideCommand(parseCommand('/rotated')!, context)).toMatchObject({
      type: 'reply',
      reply: expect.stringContaining('tracks an environment’s protection'),
    });
    expect(decideCommand(parseCommand('/snooze 7d migrating')!, context)).toMatchObject({
      type: 'update',
      close: false,
    });
    expect(decideCommand(parseCommand('/exempt a demo environment')!, context)).toMatchObject({
      type: 'update',
      close: true,
      reply: expect.stringMatching(/^Exempt: I will stop tracking this environment’s protection/),
    });
  });
});
