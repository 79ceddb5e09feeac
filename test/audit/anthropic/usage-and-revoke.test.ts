import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError, type ProviderKey } from '../../../src/audit/provider-admin.js';
import { HOUR, NOW, startEmulatedOrg, type EmulatedOrg } from './emulated-org.js';

let org: EmulatedOrg;
beforeEach(async () => {
  org = await startEmulatedOrg();
});
afterEach(() => org.emu.close());

describe('Anthropic usage', () => {
  it('gives hourly tokens per key (input of every kind plus output), no request counts, over several pages', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const a = emu.addKey({ name: 'a', createdBy: alice.id });
    const b = emu.addKey({ name: 'b', createdBy: alice.id });
    emu.recordUsage(a.id, '2026-06-05T03:10:00Z', {
      inputTokens: 100,
      outputTokens: 20,
      cacheReadTokens: 5,
      cacheCreationTokens: 7,
    });
    emu.recordUsage(a.id, '2026-06-05T03:50:00Z', {
      inputTokens: 1,
      outputTokens: 2,
      model: 'claude-3-5-haiku-20241022',
    });
    emu.recordUsage(a.id, '2026-06-15T11:05:00Z', { inputTokens: 3000, outputTokens: 900 });
    emu.recordUsage(b.id, '2026-06-10T00:00:00Z', { inputTokens: 4, outputTokens: 4 });
    emu.recordUsage(null, '2026-06-10T00:00:00Z', { inputTokens: 50, outputTokens: 50 });

    const from = new Date(Date.parse(NOW) - 11 * 24 * HOUR).toISOString();
    const usage = await org.client().usage(from, NOW);
    expect(usage.from).toBe(from);
    expect(usage.to).toBe(NOW);
    expect([...usage.byKey.keys()].sort()).toEqual([a.id, b.id].sort());
    expect(usage.byKey.get(a.id)).toEqual([
      { start: '2026-06-05T03:00:00.000Z', end: '2026-06-05T04:00:00.000Z', requests: 0, tokens: 135 },
      { start: '2026-06-15T11:00:00.000Z', end: '2026-06-15T12:00:00.000Z', requests: 0, tokens: 3900 },
    ]);
    expect(usage.byKey.get(b.id)).toEqual([
      { start: '2026-06-10T00:00:00.000Z', end: '2026-06-10T01:00:00.000Z', requests: 0, tokens: 8 },
    ]);
    // 264 hourly buckets at 168 a page.
    expect(emu.requestCount('/v1/organizations/usage_report/messages')).toBe(2);
  });

  it('refuses a window that runs backwards', async () => {
    await expect(org.client().usage(NOW, '2026-06-01T00:00:00Z')).rejects.toBeInstanceOf(AdminApiError);
    await expect(org.client().usage('yesterday', NOW)).rejects.toBeInstanceOf(AdminApiError);
    expect(org.emu.requestCount()).toBe(0);
  });
});

describe('Anthropic revoke', () => {
  it('sets the key inactive, after which it no longer works', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const leaked = emu.addKey({ name: 'leaked', createdBy: alice.id });
    const models = () =>
      fetch(`${emu.url}/v1/models`, { headers: { 'x-api-key': leaked.value, 'anthropic-version': '2023-06-01' } });
    expect((await models()).status).toBe(200);

    const client = org.client();
    const key = (await client.listKeys()).find((k) => k.id === leaked.id)!;
    await client.revoke(key);
    expect(emu.keyStatus(leaked.id)).toBe('inactive');
    expect((await models()).status).toBe(401);
    expect((await client.listKeys()).find((k) => k.id === leaked.id)?.status).toBe('inactive');
  });

  it('refuses to revoke what is not an Anthropic API key, and reports an API refusal', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const archived = emu.addKey({ name: 'gone', createdBy: alice.id, status: 'archived' });
    const client = org.client();
    const key = (await client.listKeys())[0]!;
    const before = emu.requestCount();
    await expect(client.revoke({ ...key, kind: 'admin' })).rejects.toThrow(/only an Anthropic API key/);
    await expect(client.revoke({ ...key, provider: 'openai' } as ProviderKey)).rejects.toThrow(
      /only an Anthropic API key/,
    );
    expect(emu.requestCount()).toBe(before);
    // An archived key cannot change: the API's 400 is the error, with its status and path.
    await expect(client.revoke({ ...key, id: archived.id })).rejects.toMatchObject({
      status: 400,
      message: `Anthropic Admin API (ANTHROPIC_ADMIN_KEY): 400 from POST /v1/organizations/api_keys/${archived.id}`,
    });
  });

  it('keeps a hostile key id inside the path', async () => {
    const { emu } = org;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    emu.addKey({ name: 'k', createdBy: alice.id });
    const client = org.client();
    const key = (await client.listKeys())[0]!;
    await expect(client.revoke({ ...key, id: '../users/x?y=1#z' })).rejects.toMatchObject({ status: 404 });
    expect(emu.requests.at(-1)).toEqual({
      method: 'POST',
      path: '/v1/organizations/api_keys/..%2Fusers%2Fx%3Fy%3D1%23z',
      query: '',
    });
  });
});
