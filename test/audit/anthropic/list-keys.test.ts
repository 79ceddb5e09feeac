import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAST_USED_LOOKBACK_DAYS } from '../../../src/audit/anthropic/anthropic-admin.js';
import { DAY, NOW, startEmulatedOrg, type EmulatedOrg } from './emulated-org.js';

let org: EmulatedOrg;
beforeEach(async () => {
  org = await startEmulatedOrg();
});
afterEach(() => org.emu.close());

const at = (daysBefore: number) => new Date(Date.parse(NOW) - daysBefore * DAY);

describe('Anthropic listKeys', () => {
  it('lists every key, any status, with its workspace, owner, redacted hint and dates', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const prod = emu.addWorkspace({ name: 'prod', createdAt: at(400) });
    const active = emu.addKey({
      name: 'prod ci',
      createdBy: alice.id,
      workspaceId: prod.id,
      createdAt: at(300),
      expiresAt: at(-30),
    });
    const inactive = emu.addKey({ name: 'old', createdBy: alice.id, createdAt: at(200), status: 'inactive' });
    const expired = emu.addKey({ name: 'short', createdBy: alice.id, createdAt: at(50), expiresAt: at(10) });

    const keys = await org.client().listKeys();
    const byId = new Map(keys.map((k) => [k.id, k]));
    expect(keys).toHaveLength(3);
    expect(byId.get(active.id)).toEqual({
      provider: 'anthropic',
      id: active.id,
      name: 'prod ci',
      redacted: active.redacted,
      kind: 'project',
      project: { id: prod.id, name: 'prod' },
      owner: { type: 'user', id: alice.id, name: 'Alice', email: 'alice@example.com', hasAccess: true },
      createdAt: at(300).toISOString(),
      lastUsedAt: null,
      lastUsedKnownSince: new Date(Date.parse(NOW) - LAST_USED_LOOKBACK_DAYS * DAY - 12 * 3_600_000).toISOString(),
      expiresAt: at(-30).toISOString(),
      status: 'active',
    });
    expect(byId.get(inactive.id)).toMatchObject({
      status: 'inactive',
      project: { id: emu.defaultWorkspace().id, name: 'Default' },
    });
    expect(byId.get(expired.id)?.status).toBe('expired');
    expect(JSON.stringify(keys)).not.toContain(active.value);
  });

  it('says a key is orphaned when its owner left the organisation, and keeps an archived workspace named', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const bob = emu.addUser({ name: 'Bob', email: 'bob@example.com' });
    const legacy = emu.addWorkspace({ name: 'legacy' });
    const bobs = emu.addKey({ name: 'bob laptop', createdBy: bob.id });
    const archived = emu.addKey({ name: 'legacy ci', createdBy: alice.id, workspaceId: legacy.id });
    const unbound = emu.addKey({ name: 'unbound', createdBy: bob.id, principalUserId: null });
    emu.archiveWorkspace(legacy.id);
    emu.removeUser(bob.id);

    const keys = new Map((await org.client().listKeys()).map((k) => [k.id, k]));
    expect(keys.get(bobs.id)?.owner).toEqual({ type: 'user', id: bob.id, name: null, email: null, hasAccess: false });
    expect(keys.get(bobs.id)?.status).toBe('active');
    // No principal: the creator is the owner.
    expect(keys.get(unbound.id)?.owner).toMatchObject({ id: bob.id, hasAccess: false });
    expect(keys.get(archived.id)).toMatchObject({ status: 'archived', project: { id: legacy.id, name: 'legacy' } });
    expect(keys.get(archived.id)?.owner?.hasAccess).toBe(true);
  });

  it('takes last use from the daily usage report over the look-back window', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const recent = emu.addKey({ name: 'recent', createdBy: alice.id, createdAt: at(200) });
    const old = emu.addKey({ name: 'old use', createdBy: alice.id, createdAt: at(200) });
    const ancient = emu.addKey({ name: 'used long ago', createdBy: alice.id, createdAt: at(200) });
    const cacheOnly = emu.addKey({ name: 'cache only', createdBy: alice.id, createdAt: at(200) });
    emu.recordUsage(recent.id, at(40), { inputTokens: 10, outputTokens: 1 });
    emu.recordUsage(recent.id, '2026-06-15T09:30:00Z', { inputTokens: 10, outputTokens: 1 });
    emu.recordUsage(old.id, '2026-04-01T08:00:00Z', { inputTokens: 10, outputTokens: 1 });
    emu.recordUsage(ancient.id, at(120), { inputTokens: 10, outputTokens: 1 });
    emu.recordUsage(cacheOnly.id, '2026-05-20T10:00:00Z', { inputTokens: 0, outputTokens: 0, cacheReadTokens: 9 });
    emu.recordUsage(null, '2026-06-14T10:00:00Z', { inputTokens: 10, outputTokens: 1 });

    const keys = new Map((await org.client().listKeys()).map((k) => [k.name, k]));
    // Today's bucket ends after now: last use is capped at now.
    expect(keys.get('recent')?.lastUsedAt).toBe(NOW.replace('Z', '.000Z'));
    expect(keys.get('old use')?.lastUsedAt).toBe('2026-04-02T00:00:00.000Z');
    expect(keys.get('cache only')?.lastUsedAt).toBe('2026-05-21T00:00:00.000Z');
    expect(keys.get('used long ago')?.lastUsedAt).toBeNull();
    expect(Date.parse(keys.get('used long ago')!.lastUsedKnownSince!)).toBeGreaterThan(at(120).getTime());
    // 90 daily buckets at 31 a page: the report was paged.
    expect(emu.requestCount('/v1/organizations/usage_report/messages')).toBe(3);
  });

  it('pages through more keys and users than one page holds', async () => {
    const { emu } = org;
    // Alice is the oldest of 101 members: the last page of users (100 a page) is the one that names her.
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    for (let i = 0; i < 100; i += 1) emu.addUser({ name: `u${i}`, email: `u${i}@example.com` });
    for (let i = 0; i < 1003; i += 1)
      emu.addKey({ name: `k${i}`, createdBy: alice.id, createdAt: new Date(Date.parse(NOW) - i * 60_000) });
    const keys = await org.client().listKeys();
    expect(new Set(keys.map((k) => k.id)).size).toBe(1003);
    expect(keys.every((k) => k.owner?.hasAccess && k.owner.email === 'alice@example.com')).toBe(true);
    expect(emu.requestCount('/v1/organizations/api_keys')).toBe(2);
    expect(emu.requestCount('/v1/organizations/users')).toBe(2);
  });
});
