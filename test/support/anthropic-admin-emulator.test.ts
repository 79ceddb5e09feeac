import Anthropic from '@anthropic-ai/sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicAdminEmulator, type AnthropicAdminEmulator } from './anthropic-admin-emulator.js';

// The emulator driven through the official SDK (`client.beta.organization.*`), so the shapes and the
// paging it answers are the ones the vendor's own client reads.

let emu: AnthropicAdminEmulator;
let adminKey: string;
let sdk: Anthropic;
const NOW = '2026-06-15T12:00:00Z';
const DAY = 86_400_000;

function client(apiKey: string, extra: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}): Anthropic {
  return new Anthropic({ apiKey, baseURL: emu.url, maxRetries: 0, ...extra });
}

beforeEach(async () => {
  emu = await startAnthropicAdminEmulator({ now: NOW, seed: 3 });
  adminKey = emu.addAdminKey().value;
  sdk = client(adminKey);
});
afterEach(() => emu.close());

describe('API keys', () => {
  it('pages through every key with after_id, newest first, in the SDK shape', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const prod = emu.addWorkspace({ name: 'prod' });
    const made = Array.from({ length: 7 }, (_, i) =>
      emu.addKey({
        name: `key ${i}`,
        createdBy: alice.id,
        workspaceId: prod.id,
        createdAt: new Date(Date.parse(NOW) - (7 - i) * DAY),
      }),
    );
    const seen = [];
    for await (const key of sdk.beta.organization.apiKeys.list({ limit: 3 })) seen.push(key);
    expect(seen.map((k) => k.name)).toEqual(['key 6', 'key 5', 'key 4', 'key 3', 'key 2', 'key 1', 'key 0']);
    expect(emu.requestCount('/v1/organizations/api_keys')).toBe(3);
    const newest = seen[0]!;
    expect(newest).toMatchObject({
      type: 'api_key',
      id: made[6]!.id,
      status: 'active',
      partial_key_hint: made[6]!.redacted,
      created_by: { type: 'user', id: alice.id },
      principal: { type: 'user_actor', user_id: alice.id },
      scope: { type: 'workspace', workspace_id: prod.id },
      expires_at: null,
    });
    expect(newest.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(made[6]!.value).toMatch(/^sk-ant-api03-[A-Za-z0-9_-]{93}AA$/);
    expect(made[6]!.redacted).toBe(`${made[6]!.value.slice(0, 16)}...${made[6]!.value.slice(-4)}`);
    expect(JSON.stringify(seen)).not.toContain(made[6]!.value);
  });

  it('pages backwards with before_id and filters by status, workspace and creator', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const bob = emu.addUser({ name: 'Bob', email: 'bob@example.com' });
    const dev = emu.addWorkspace({ name: 'dev' });
    const a = emu.addKey({ name: 'a', createdBy: alice.id, createdAt: '2026-01-01T00:00:00Z' });
    emu.addKey({
      name: 'b',
      createdBy: bob.id,
      workspaceId: dev.id,
      createdAt: '2026-02-01T00:00:00Z',
      status: 'inactive',
    });
    emu.addKey({
      name: 'c',
      createdBy: bob.id,
      workspaceId: dev.id,
      createdAt: '2026-03-01T00:00:00Z',
      expiresAt: '2026-04-01T00:00:00Z',
    });
    const d = emu.addKey({ name: 'd', createdBy: alice.id, createdAt: '2026-05-01T00:00:00Z' });

    const names = async (query: Anthropic.Beta.Organization.APIKeyListParams) =>
      (await sdk.beta.organization.apiKeys.list(query)).data.map((k) => k.name);
    expect(await names({ status: 'inactive' })).toEqual(['b']);
    expect(await names({ status: 'expired' })).toEqual(['c']);
    expect(await names({ workspace_id: dev.id })).toEqual(['c', 'b']);
    expect(await names({ created_by_user_id: alice.id })).toEqual(['d', 'a']);
    const before = await sdk.beta.organization.apiKeys.list({ before_id: a.id, limit: 2 });
    expect(before.data.map((k) => k.name)).toEqual(['c', 'b']);
    expect(before.has_more).toBe(true);
    expect(before.first_id).toBe(before.data[0]!.id);
    const retrieved = await sdk.beta.organization.apiKeys.retrieve(d.id);
    expect(retrieved.name).toBe('d');
    // The default workspace: the beta `scope` names it, the older top-level `workspace_id` is null.
    expect(retrieved.scope).toEqual({ type: 'workspace', workspace_id: emu.defaultWorkspace().id });
    expect((retrieved as unknown as { workspace_id: string | null }).workspace_id).toBeNull();
  });

  it('updates a key: inactive stops it working at /v1/models, archived is final', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const key = emu.addKey({ name: 'ci', createdBy: alice.id });
    const models = async () => (await client(key.value).models.list()).data.length;
    expect(await models()).toBeGreaterThan(0);

    const updated = await sdk.beta.organization.apiKeys.update(key.id, { status: 'inactive', name: 'ci (revoked)' });
    expect(updated).toMatchObject({ status: 'inactive', name: 'ci (revoked)' });
    expect(emu.keyStatus(key.id)).toBe('inactive');
    await expect(models()).rejects.toMatchObject({
      status: 401,
      error: { type: 'error', error: { type: 'authentication_error' } },
    });

    await sdk.beta.organization.apiKeys.update(key.id, { status: 'archived' });
    await expect(sdk.beta.organization.apiKeys.update(key.id, { status: 'active' })).rejects.toMatchObject({
      status: 400,
    });
    await expect(sdk.beta.organization.apiKeys.retrieve('apikey_01missing')).rejects.toMatchObject({ status: 404 });
  });

  it('expires a key when the clock passes expires_at', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const key = emu.addKey({ name: 'short', createdBy: alice.id, expiresAt: new Date(Date.parse(NOW) + DAY) });
    expect((await sdk.beta.organization.apiKeys.retrieve(key.id)).status).toBe('active');
    emu.clock.advance(2 * DAY);
    expect((await sdk.beta.organization.apiKeys.retrieve(key.id)).status).toBe('expired');
    await expect(client(key.value).models.list()).rejects.toMatchObject({ status: 401 });
  });
});

describe('users and workspaces', () => {
  it('lists users, removes one, and the removed user is gone while their key stays', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const bob = emu.addUser({ name: 'Bob', email: 'bob@example.com', role: 'user' });
    const key = emu.addKey({ name: 'bob key', createdBy: bob.id });
    const emails = async () => {
      const out = [];
      for await (const user of sdk.beta.organization.users.list({ limit: 1 })) out.push(user.email);
      return out;
    };
    expect(await emails()).toEqual(['bob@example.com', 'alice@example.com']);
    expect(await sdk.beta.organization.users.retrieve(alice.id)).toMatchObject({
      type: 'user',
      name: 'Alice',
      role: 'developer',
    });
    expect(await sdk.beta.organization.users.remove(bob.id)).toEqual({ id: bob.id, type: 'user_deleted' });
    expect(await emails()).toEqual(['alice@example.com']);
    await expect(sdk.beta.organization.users.retrieve(bob.id)).rejects.toMatchObject({ status: 404 });
    expect((await sdk.beta.organization.apiKeys.retrieve(key.id)).status).toBe('active');
  });

  it('lists workspaces, archived ones only when asked, the default one only when asked', async () => {
    emu.addWorkspace({ name: 'prod' });
    const old = emu.addWorkspace({ name: 'old' });
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const key = emu.addKey({ name: 'old key', createdBy: alice.id, workspaceId: old.id });
    emu.archiveWorkspace(old.id);
    const names = async (query: Anthropic.Beta.Organization.WorkspaceListParams) => {
      const out = [];
      for await (const w of sdk.beta.organization.workspaces.list(query)) out.push(w.name);
      return out.sort();
    };
    expect(await names({})).toEqual(['prod']);
    expect(await names({ include_archived: true })).toEqual(['old', 'prod']);
    expect(await names({ include_archived: true, include_default: true })).toEqual(['Default', 'old', 'prod']);
    const archived = await sdk.beta.organization.workspaces.retrieve(old.id);
    expect(archived.archived_at).not.toBeNull();
    expect((await sdk.beta.organization.apiKeys.retrieve(key.id)).status).toBe('archived');
  });
});

describe('auth', () => {
  it('refuses a missing, unknown or workspace key with the vendor error JSON, never echoing the key', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const workspaceKey = emu.addKey({ name: 'ci', createdBy: alice.id }).value;
    const listWith = (headers: Record<string, string>) =>
      fetch(`${emu.url}/v1/organizations/api_keys`, { headers: { 'anthropic-version': '2023-06-01', ...headers } });

    const missing = await listWith({});
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });

    const wrong = await listWith({ 'x-api-key': `${adminKey}x` });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(adminKey);

    const notAdmin = await listWith({ 'x-api-key': workspaceKey });
    expect(notAdmin.status).toBe(403);
    const text = await notAdmin.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'error', error: { type: 'permission_error' } });
    expect(text).not.toContain(workspaceKey);

    await expect(client(workspaceKey).beta.organization.apiKeys.list()).rejects.toMatchObject({ status: 403 });
    await expect(client('sk-ant-admin01-nope').beta.organization.users.list()).rejects.toMatchObject({ status: 401 });
    // An admin key is not a workspace key: /v1/models refuses it.
    await expect(client(adminKey).models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('needs anthropic-version, and a dated one', async () => {
    const get = (headers: Record<string, string>) =>
      fetch(`${emu.url}/v1/organizations/users`, { headers: { 'x-api-key': adminKey, ...headers } });
    const none = await get({});
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    expect((await get({ 'anthropic-version': 'latest' })).status).toBe(400);
    expect((await get({ 'anthropic-version': '2023-06-01' })).status).toBe(200);
  });
});

describe('failures', () => {
  it('answers 429 with retry-after, and the SDK retries it', async () => {
    emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    emu.failNext('/v1/organizations/users', { status: 429, retryAfter: 0.05, times: 2 });
    const retrying = client(adminKey, { maxRetries: 2 });
    const users = await retrying.beta.organization.users.list();
    expect(users.data).toHaveLength(1);
    expect(emu.requestCount('/v1/organizations/users')).toBe(3);
  });

  it('answers 529 and 500 in the vendor shape', async () => {
    emu.failNext('/v1/organizations/api_keys', { status: 529 });
    await expect(sdk.beta.organization.apiKeys.list()).rejects.toMatchObject({
      status: 529,
      error: { error: { type: 'overloaded_error' } },
    });
    emu.failNext('/v1/organizations/api_keys', { status: 500 });
    await expect(sdk.beta.organization.apiKeys.list()).rejects.toMatchObject({
      status: 500,
      error: { error: { type: 'api_error' } },
    });
    expect((await sdk.beta.organization.apiKeys.list()).data).toEqual([]);
  });
});

describe('usage report', () => {
  const report = async (query: Record<string, string | string[]>) => {
    const url = new URL(`${emu.url}/v1/organizations/usage_report/messages`);
    for (const [name, value] of Object.entries(query)) for (const v of [value].flat()) url.searchParams.append(name, v);
    const res = await fetch(url, { headers: { 'x-api-key': adminKey, 'anthropic-version': '2023-06-01' } });
    return {
      status: res.status,
      body: (await res.json()) as Record<string, unknown> & {
        data: Array<{ starting_at: string; results: Record<string, unknown>[] }>;
      },
    };
  };

  it('buckets usage by key per hour, with the documented row shape and page tokens', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const a = emu.addKey({ name: 'a', createdBy: alice.id });
    const b = emu.addKey({ name: 'b', createdBy: alice.id });
    emu.recordUsage(a.id, '2026-06-15T09:10:00Z', { inputTokens: 100, outputTokens: 10, cacheReadTokens: 5 });
    emu.recordUsage(a.id, '2026-06-15T09:50:00Z', { inputTokens: 1, outputTokens: 1 });
    emu.recordUsage(b.id, '2026-06-15T11:00:00Z', { inputTokens: 7, outputTokens: 3 });

    const first = await report({
      starting_at: '2026-06-15T08:30:00Z',
      ending_at: '2026-06-15T12:00:00Z',
      bucket_width: '1h',
      'group_by[]': 'api_key_id',
      limit: '2',
    });
    expect(first.status).toBe(200);
    expect(first.body.data.map((d) => d.starting_at)).toEqual(['2026-06-15T08:00:00Z', '2026-06-15T09:00:00Z']);
    expect(first.body.data[0]!.results).toEqual([]);
    expect(first.body.data[1]!.results).toEqual([
      {
        uncached_input_tokens: 101,
        cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
        cache_read_input_tokens: 5,
        output_tokens: 11,
        server_tool_use: { web_search_requests: 0 },
        api_key_id: a.id,
        workspace_id: null,
        model: null,
        service_tier: null,
        context_window: null,
        inference_geo: null,
      },
    ]);
    expect(first.body.has_more).toBe(true);
    expect(first.body.next_page).toMatch(/^page_/);

    const second = await report({
      starting_at: '2026-06-15T08:30:00Z',
      ending_at: '2026-06-15T12:00:00Z',
      bucket_width: '1h',
      'group_by[]': 'api_key_id',
      limit: '2',
      page: first.body.next_page as string,
    });
    expect(second.body.data.map((d) => d.starting_at)).toEqual(['2026-06-15T10:00:00Z', '2026-06-15T11:00:00Z']);
    expect(second.body.data[1]!.results[0]).toMatchObject({
      api_key_id: b.id,
      uncached_input_tokens: 7,
      output_tokens: 3,
    });
    expect(second.body).toMatchObject({ has_more: false, next_page: null });
  });

  it('defaults to daily buckets up to the clock, and refuses bad parameters', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const a = emu.addKey({ name: 'a', createdBy: alice.id });
    emu.recordUsage(a.id, '2026-06-14T23:00:00Z', { inputTokens: 5, outputTokens: 5 });
    const daily = await report({ starting_at: '2026-06-13T00:00:00Z' });
    expect(daily.body.data.map((d) => d.starting_at)).toEqual([
      '2026-06-13T00:00:00Z',
      '2026-06-14T00:00:00Z',
      '2026-06-15T00:00:00Z',
    ]);
    expect(daily.body.data[1]!.results[0]).toMatchObject({ api_key_id: null, uncached_input_tokens: 5 });
    expect((await report({})).status).toBe(400);
    expect((await report({ starting_at: '2026-06-13T00:00:00Z', bucket_width: '1w' })).status).toBe(400);
    expect((await report({ starting_at: '2026-06-13T00:00:00Z', bucket_width: '1d', limit: '32' })).status).toBe(400);
    expect((await report({ starting_at: '2026-06-13T00:00:00Z', 'group_by[]': 'colour' })).status).toBe(400);
    expect((await report({ starting_at: '2026-06-13T00:00:00Z', page: 'page_!!' })).status).toBe(400);
  });
});
