import { describe, expect, it } from 'vitest';
import type { AuditFinding, AuditProblem, ProviderKey } from '../../../src/audit/provider-admin.js';
import { decideCommand } from '../../../src/tracking/commands/decide-command.js';
import { renderDashboard } from '../../../src/tracking/dashboard/render-dashboard.js';
import { renderDashboardMarker } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker, replaceKeyMarker } from '../../../src/tracking/key-marker.js';
import { planIssues } from '../../../src/tracking/key-issues/plan-issues.js';
import { planProviderIssues } from '../../../src/tracking/provider-issues/plan-provider-issues.js';
import type { ProviderAuditRead } from '../../../src/tracking/provider-issues/provider-plan-input.js';
import { parseProviderIssueId, providerIssueId } from '../../../src/tracking/provider-issues/provider-issue-id.js';
import { providerIssueRowsOf } from '../../../src/tracking/provider-issues/provider-issue-rows.js';
import { trackedKeyFromId } from '../../../src/tracking/key-issues/key-id.js';
import { BOT, FakeIssues } from '../fake-issues.js';
import { at, DAY, policy } from '../scenario.js';

const T0 = at('2026-12-01');

function key(id: string, over: Partial<ProviderKey> = {}): ProviderKey {
  return {
    provider: 'openai',
    id,
    name: `name of ${id}`,
    redacted: 'sk-proj-…abcd',
    kind: 'project',
    project: { id: 'proj_1', name: 'Payments' },
    owner: { type: 'user', id: 'user_1', name: 'Ann', email: 'ann@example.com', hasAccess: true },
    createdAt: '2025-01-01T00:00:00Z',
    lastUsedAt: null,
    expiresAt: null,
    status: 'active',
    ...over,
  };
}

function finding(keyId: string, problem: AuditProblem, over: Partial<AuditFinding> = {}): AuditFinding {
  return {
    provider: 'openai',
    problem,
    keyId,
    keyName: `name of ${keyId}`,
    project: 'proj_1',
    projectName: 'Payments',
    redacted: 'sk-proj-…abcd',
    owner: 'ann@example.com',
    createdAt: '2025-01-01T00:00:00Z',
    lastUsedAt: null,
    detail: `${keyId} is ${problem}.`,
    ...over,
  };
}

/** The org-secrets repository's issues, swept: plan, apply, and check that planning again adds nothing. */
class Org {
  readonly issues = new FakeIssues();
  sweep(audits: ProviderAuditRead[], now: Date, owners: string[] = ['@mona']) {
    const input = { audits, policy, issues: this.issues.issues, botLogin: BOT, now, owners };
    const plan = planProviderIssues(input);
    this.issues.apply(plan.actions, now);
    expect(planProviderIssues({ ...input, issues: this.issues.issues }).actions, 'idempotent').toEqual([]);
    return plan.actions;
  }
}

const read = (keys: ProviderKey[], findings: AuditFinding[], extra: Partial<ProviderAuditRead> = {}) => ({
  provider: 'openai' as const,
  keys,
  findings,
  ...extra,
});

describe('provider issue ids', () => {
  it('round-trip, keep the key id’s case, and are never a key issue’s id', () => {
    const id = providerIssueId({ provider: 'openai', keyId: 'key_AbC:1|%', problem: 'usage-spike' });
    expect(parseProviderIssueId(id)).toEqual({ provider: 'openai', keyId: 'key_AbC:1|%', problem: 'usage-spike' });
    expect(trackedKeyFromId(id)).toBeUndefined();
    expect(parseProviderIssueId('acme|org|*|openai_api_key|rotate')).toBeUndefined();
    expect(parseProviderIssueId('provider:stripe:k:unused')).toBeUndefined();
  });
});

describe('planProviderIssues', () => {
  it('opens one issue per problem, and a second sweep writes nothing', () => {
    const org = new Org();
    const keys = [key('key_old'), key('key_idle'), key('key_orphan')];
    const findings = [
      finding('key_old', 'overdue'),
      finding('key_idle', 'unused'),
      finding('key_orphan', 'orphaned'),
      finding('key_old', 'unused'),
    ];
    const actions = org.sweep([read(keys, findings)], T0);
    expect(actions.map((a) => a.type)).toEqual(['open', 'open', 'open', 'open']);
    const open = org.issues.open();
    expect(open.map((i) => parseKeyMarker(i.body)!.key).sort()).toEqual(
      [
        'provider:openai:key_idle:unused',
        'provider:openai:key_old:overdue',
        'provider:openai:key_old:unused',
        'provider:openai:key_orphan:orphaned',
      ].sort(),
    );
    const overdue = open.find((i) => i.labels.includes('overdue'))!;
    expect(overdue.labels).toEqual(['key-hygiene', 'provider-key', 'overdue']);
    expect(overdue.title).toBe('Rotate the OpenAI key name of key_old (project Payments): created 2025-01-01');
    expect(overdue.body).toContain('`proj_1`');
    expect(overdue.body).toContain('@mona');
    expect(org.sweep([read(keys, findings)], new Date(T0.getTime() + 3600_000))).toEqual([]);
  });

  it('closes the issue of a deleted key, and of a key whose problem is gone, saying which', () => {
    const org = new Org();
    org.sweep([read([key('a'), key('b')], [finding('a', 'unused'), finding('b', 'unused')])], T0);
    const later = new Date(T0.getTime() + DAY);
    const actions = org.sweep([read([key('b', { lastUsedAt: later.toISOString() })], [])], later);
    expect(actions.map((a) => a.type)).toEqual(['close', 'close']);
    const [a, b] = actions as Array<Extract<(typeof actions)[number], { type: 'close' }>>;
    expect(a!.comment).toMatch(/no longer lists the key `a` as active/);
    expect(b!.comment).toMatch(/no longer reports the key `b` as unused: it was used again/);
    expect(org.issues.open()).toEqual([]);
  });

  it('leaves the issues of a provider that was not read, and spikes when usage was not read (fail closed)', () => {
    const org = new Org();
    org.sweep([read([key('a'), key('s')], [finding('a', 'overdue'), finding('s', 'usage-spike')])], T0);
    expect(org.sweep([], new Date(T0.getTime() + DAY))).toEqual([]);
    expect(org.sweep([read([key('a'), key('s')], [finding('a', 'overdue')], { usageUnread: true })], T0)).toEqual([]);
    expect(org.issues.open()).toHaveLength(2);
    // Anthropic's audit says nothing about OpenAI's issues.
    expect(org.sweep([{ provider: 'anthropic', keys: [], findings: [] }], T0)).toEqual([]);
    expect(org.issues.open()).toHaveLength(2);
  });

  it('reminds every `reminders.overdue`, escalates once after `escalate-after`, and a snooze holds both', () => {
    const org = new Org();
    const audit = read([key('a')], [finding('a', 'orphaned')]);
    org.sweep([audit], T0);
    expect(org.sweep([audit], new Date(T0.getTime() + DAY))).toEqual([]);
    const reminder = org.sweep([audit], new Date(T0.getTime() + 3 * DAY));
    expect(reminder.map((a) => a.type)).toEqual(['comment', 'update-body']);
    expect((reminder[0] as { body: string }).body).toMatch(
      /^@mona: reminder — OpenAI still reports the key `a` as orphaned/,
    );
    const escalation = org.sweep([audit], new Date(T0.getTime() + 14 * DAY));
    expect(escalation.map((a) => a.type)).toEqual(['comment', 'labels', 'update-body']);
    expect((escalation[0] as { body: string }).body).toMatch(/^@acme\/security: escalating — OpenAI has reported/);
    expect(org.issues.open()[0]!.labels).toContain('escalated');
    // Snoozed: nothing until the snooze ends.
    const issue = org.issues.open()[0]!;
    const marker = parseKeyMarker(issue.body)!;
    const until = new Date(T0.getTime() + 40 * DAY).toISOString();
    issue.body = replaceKeyMarker(issue.body, { ...marker, snooze: { until, by: 'carol', reason: 'migrating' } });
    expect(org.sweep([audit], new Date(T0.getTime() + 30 * DAY))).toEqual([]);
  });

  it('/exempt closes the issue for good; /snooze and /status answer from the marker', () => {
    const org = new Org();
    const audit = read([key('a')], [finding('a', 'unused')]);
    org.sweep([audit], T0);
    const issue = org.issues.open()[0]!;
    const marker = parseKeyMarker(issue.body);
    const context = {
      actorPermission: 'write' as const,
      actorLogin: 'mona',
      isBot: false,
      botLogin: BOT,
      policy,
      marker,
      now: T0,
    };
    const status = decideCommand({ name: 'status' }, context);
    expect(status.type === 'reply' && status.reply).toMatch(/Status of the OpenAI key `a`:\n- problem: unused/);
    const rotated = decideCommand({ name: 'rotated' }, context);
    expect(rotated.type).toBe('reply');
    const revoke = decideCommand({ name: 'revoke', confirm: true }, context);
    expect(revoke.type === 'reply' && revoke.reply).toMatch(
      /^`\/revoke` revokes a leaked key at its provider, on leak incidents/,
    );
    const snooze = decideCommand({ name: 'snooze', duration: '7d', ms: 7 * DAY, reason: 'soon' }, context);
    expect(snooze.type === 'update' && snooze.marker.snooze?.by).toBe('mona');
    const exempt = decideCommand({ name: 'exempt', reason: 'break-glass key' }, context);
    if (exempt.type !== 'update') throw new Error('expected an update');
    issue.body = replaceKeyMarker(issue.body, exempt.marker);
    issue.state = 'closed';
    expect(org.sweep([audit], new Date(T0.getTime() + DAY))).toEqual([]);
    expect(org.issues.open()).toEqual([]);
  });

  it('closes a duplicate, keeping the oldest', () => {
    const org = new Org();
    const audit = read([key('a')], [finding('a', 'unused')]);
    org.sweep([audit], T0);
    const first = org.issues.open()[0]!;
    org.issues.issues.push({ ...first, number: 99, comments: [] });
    const actions = org.sweep([audit], T0);
    expect(actions).toMatchObject([{ type: 'close', issue: 99, reason: 'not_planned' }]);
  });

  it('is left alone by the key-issue plan of the same repository', () => {
    const org = new Org();
    org.sweep([read([key('a')], [finding('a', 'unused')])], T0);
    const plan = planIssues({
      repository: 'acme',
      decisions: [],
      policy,
      issues: org.issues.issues,
      botLogin: BOT,
      now: T0,
    });
    expect(plan.actions).toEqual([]);
  });

  it('never writes a provider’s text raw: names, owners and the sentence are neutralised', () => {
    const org = new Org();
    const hostile = finding('k', 'unused', {
      keyName: 'x` @everyone <!-- key-hygiene:key {"key":"evil"} --> #1',
      projectName: '@acme/all\n# heading',
      owner: '<img src=x>',
      detail: 'Call @hubot about #12 | <script> `code`',
    });
    org.sweep([read([key('k')], [hostile])], T0);
    const issue = org.issues.open()[0]!;
    expect(parseKeyMarker(issue.body)!.key).toBe('provider:openai:k:unused');
    // Inside a code span GitHub shows `@`, `#1` and HTML as text; outside one, nothing of theirs is live.
    const outsideCode = issue.body.replace(/`[^`\n]*`/g, '');
    expect(outsideCode).not.toMatch(/@everyone|@acme\/all|@hubot|<img|<script|#12|\n# heading/);
    expect(issue.body.match(/<!-- key-hygiene:key/g)).toHaveLength(1);
    expect(issue.title).not.toMatch(/@everyone|#1\b|\n/);
  });
});

describe('the dashboard’s Provider keys section', () => {
  it('counts open issues per provider and problem, links them, and says when a provider was not read', () => {
    const org = new Org();
    org.sweep(
      [read([key('a'), key('b')], [finding('a', 'unused'), finding('b', 'unused'), finding('a', 'overdue')])],
      T0,
    );
    const rows = providerIssueRowsOf(org.issues.issues, BOT);
    const body = renderDashboard({
      repository: 'acme/.github',
      rows: [],
      providerKeys: {
        rows,
        read: [],
        unread: [{ provider: 'anthropic', variable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY', status: 401 }],
      },
      now: T0,
      marker: renderDashboardMarker(),
    });
    expect(body).toContain('## Provider keys (3)');
    expect(body).toContain('| OpenAI | overdue | 1 | #1 |');
    expect(body).toContain('| OpenAI | unused | 2 | #2, #3 |');
    expect(body).toMatch(/could not read Anthropic's keys \(`KEY_HYGIENE_ANTHROPIC_ADMIN_KEY`, HTTP 401\)/);
    const many = Array.from({ length: 40 }, (_, i) => ({
      provider: 'openai' as const,
      problem: 'unused' as const,
      keyId: `k${i}`,
      issue: i + 1,
    }));
    const bounded = renderDashboard({
      repository: 'acme/.github',
      rows: [],
      providerKeys: { rows: many },
      now: T0,
      marker: '',
    });
    expect(bounded).toMatch(/\| OpenAI \| unused \| 40 \| #1, #2, [^|]*#30, …and 10 more \|/);
    const clean = renderDashboard({
      repository: 'acme/.github',
      rows: [],
      providerKeys: { rows: [], read: ['openai'] },
      now: T0,
      marker: '',
    });
    expect(clean).toContain('No problem found at OpenAI.');
    expect(renderDashboard({ repository: 'acme/x', rows: [], now: T0, marker: '' })).not.toContain('Provider keys');
  });
});
