import { describe, expect, it } from 'vitest';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { evaluateAudit } from '../../src/audit/evaluate-audit.js';
import type { ProviderKey } from '../../src/audit/provider-admin.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { adminKey, daysAgo, hourly, hoursAgo, NOW, projectKey, usageOf } from './fixtures.js';

const policy = auditPolicyFor(defaultConfig, 'openai');

function problems(keys: ProviderKey[], usage = usageOf({})) {
  return evaluateAudit(keys, { policy, now: NOW, usage }).map((f) => `${f.keyId}:${f.problem}`);
}

describe('evaluateAudit', () => {
  it('finds nothing in a healthy key', () => {
    expect(problems([projectKey('clean')])).toEqual([]);
  });

  it('overdue: by the key’s own created_at against rotate-every (90d by default)', () => {
    expect(
      problems([projectKey('old', { createdAt: daysAgo(91) }), projectKey('young', { createdAt: daysAgo(89) })]),
    ).toEqual(['old:overdue']);
    const [finding] = evaluateAudit([projectKey('old', { createdAt: daysAgo(91) })], { policy, now: NOW });
    expect(finding!.detail).toBe(
      'Created 91 days ago (2026-09-03), longer ago than rotate-every (90 days): create a new key, put it where this one is used, then delete this one.',
    );
  });

  it('unused: never used and older than unused-after, or last used longer ago', () => {
    expect(
      problems([
        projectKey('never', { createdAt: daysAgo(45), lastUsedAt: null }),
        projectKey('new', { createdAt: daysAgo(5), lastUsedAt: null }),
        projectKey('stale', { createdAt: daysAgo(60), lastUsedAt: daysAgo(40) }),
        projectKey('recent', { createdAt: daysAgo(60), lastUsedAt: daysAgo(20) }),
      ]),
    ).toEqual(['never:unused', 'stale:unused']);
  });

  it('unused: a null last use with lastUsedKnownSince means "not used since", not "never"', () => {
    const known = (id: string, created: number, since: number) =>
      ({
        ...projectKey(id, { createdAt: daysAgo(created), lastUsedAt: null }),
        lastUsedKnownSince: daysAgo(since),
      }) as ProviderKey;
    const findings = evaluateAudit([known('a-long', 80, 35), known('b-short', 80, 10), known('c-new', 20, 40)], {
      policy,
      now: NOW,
    });
    expect(findings.map((f) => `${f.keyId}:${f.problem}`)).toEqual(['a-long:unused']);
    expect(findings[0]!.detail).toMatch(/^Not used since 2026-10-29 .*35 days ago/);
  });

  it('orphaned: the owner lost access and the key is active', () => {
    const owner = { type: 'user' as const, id: 'u', name: 'Bob', email: 'bob@example.com', hasAccess: false };
    expect(problems([projectKey('orphan', { owner }), projectKey('gone', { owner, status: 'inactive' })])).toEqual([
      'orphan:orphaned',
    ]);
  });

  it('only active keys raise problems', () => {
    const old = { createdAt: daysAgo(400), lastUsedAt: null };
    expect(
      problems([
        projectKey('inactive', { ...old, status: 'inactive' }),
        projectKey('archived', { ...old, status: 'archived' }),
        projectKey('expired', { ...old, status: 'expired' }),
      ]),
    ).toEqual([]);
  });

  it('no-expiry: an admin key without expires_at, or older than rotate-every (judged here, not as overdue)', () => {
    expect(
      problems([
        adminKey('forever', { expiresAt: null }),
        adminKey('old', { createdAt: daysAgo(100), expiresAt: daysAgo(-20) }),
        adminKey('old-forever', { createdAt: daysAgo(100), expiresAt: null }),
        adminKey('short', { createdAt: daysAgo(10), expiresAt: daysAgo(-20) }),
        adminKey('long', { createdAt: daysAgo(10), expiresAt: daysAgo(-355) }),
        projectKey('project-key-without-expiry', { expiresAt: null }),
      ]),
    ).toEqual(['forever:no-expiry', 'old-forever:no-expiry', 'old:no-expiry']);
    const [old] = evaluateAudit([adminKey('old', { createdAt: daysAgo(100), expiresAt: daysAgo(-20) })], {
      policy,
      now: NOW,
    });
    expect(old!.detail).toBe(
      'This admin key was created 100 days ago (2026-08-25), longer ago than rotate-every (90 days), and expires only 2026-12-23: replace it with an admin key that expires within rotate-every (90 days), then delete it.',
    );
  });

  describe('usage-spike', () => {
    const spikeOf = (key: ProviderKey, week: number, lastHour: number) =>
      evaluateAudit([key], { policy, now: NOW, usage: usageOf({ [key.id]: hourly(week, lastHour) }) }).filter(
        (f) => f.problem === 'usage-spike',
      );

    it('the last hour far above the key’s own trailing-week mean and above the floor', () => {
      const [finding] = spikeOf(projectKey('spike', { createdAt: daysAgo(60) }), 5, 600);
      expect(finding!.detail).toBe(
        "In the last hour it made 600 requests (120×) and used 60,000 tokens (120×), against a trailing-week mean of 5 requests and 500 tokens an hour: check the provider's usage page for calls you did not make, and if they are not yours rotate the key now.",
      );
    });

    it('a key idle all week that suddenly works counts', () => {
      const [finding] = spikeOf(projectKey('waking', { createdAt: daysAgo(30) }), 0, 150);
      expect(finding!.detail).toMatch(
        /^In the last hour it made 150 requests and used 15,000 tokens, against a trailing-week mean of 0 requests/,
      );
    });

    it('steady heavy use, use below the floor and a key with no day of history are not spikes', () => {
      expect(spikeOf(projectKey('steady', { createdAt: daysAgo(60) }), 500, 600)).toEqual([]);
      expect(spikeOf(projectKey('quiet', { createdAt: daysAgo(60) }), 0, 50)).toEqual([]);
      expect(spikeOf(projectKey('brand-new', { createdAt: hoursAgo(3) }), 0, 5000)).toEqual([]);
    });

    it('a sustained day of use far above the week is a spike even when no single hour is', () => {
      const key = projectKey('day', { createdAt: daysAgo(60) });
      const buckets = hourly(1, 1).map((b) =>
        Date.parse(b.start) >= NOW.getTime() - 86_400_000 ? { ...b, requests: 120, tokens: 0 } : { ...b, tokens: 0 },
      );
      const findings = evaluateAudit([key], { policy, now: NOW, usage: usageOf({ [key.id]: buckets }) });
      expect(findings.map((f) => f.problem)).toEqual(['usage-spike']);
      expect(findings[0]!.detail).toMatch(/^In the last day it made 2,880 requests \(120×\)/);
    });

    it('the hour in progress and the hour that ended less than an hour ago are the last hour', () => {
      const key = projectKey('burst', { createdAt: daysAgo(60) });
      const later = new Date(NOW.getTime() + 20 * 60_000);
      const findings = evaluateAudit([key], { policy, now: later, usage: usageOf({ burst: hourly(0, 400) }) });
      expect(findings.map((f) => f.problem)).toEqual(['usage-spike']);
    });

    it('without usage (the provider refused it) no spike is judged and the rest still is', () => {
      const key = projectKey('old', { createdAt: daysAgo(200) });
      expect(evaluateAudit([key], { policy, now: NOW }).map((f) => f.problem)).toEqual(['overdue']);
    });
  });

  it('each finding carries the key’s fields, ISO 8601 or null', () => {
    const key = projectKey('k', { createdAt: daysAgo(100), lastUsedAt: null });
    expect(evaluateAudit([key], { policy, now: NOW })).toEqual([
      expect.objectContaining({
        provider: 'openai',
        problem: 'overdue',
        keyId: 'k',
        keyName: 'k-name',
        project: 'proj_main',
        projectName: 'Main',
        redacted: 'sk-proj-abc...wxyz',
        owner: 'alice@example.com',
        createdAt: daysAgo(100),
        lastUsedAt: null,
      }),
      expect.objectContaining({ problem: 'unused' }),
    ]);
  });
});
