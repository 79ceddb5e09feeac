import OpenAI from 'openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiAdminEmulator, type OpenAiAdminEmulator, type SeededKey } from './openai-admin-emulator.js';

// The emulator driven through the official SDK, so its shapes, paging and errors are the ones the
// vendor's own client reads.
const NOW = new Date('2026-06-01T12:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const DAY = 86_400;

let openai: OpenAiAdminEmulator;
let admin: SeededKey;
let sdk: OpenAI;

beforeEach(async () => {
  openai = await startOpenAiAdminEmulator({ now: NOW });
  admin = openai.addAdminKey({ name: 'audit', createdAt: { daysAgo: 10 }, expiresAt: { daysAgo: -80 } });
  sdk = new OpenAI({ adminAPIKey: admin.value, baseURL: openai.url, maxRetries: 2 });
});
afterEach(async () => {
  await openai.close();
});

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe('projects', () => {
  it('pages through every project with the SDK auto-pagination, and hides archived ones unless asked', async () => {
    for (let i = 0; i < 23; i += 1) openai.addProject({ name: `p${i}`, createdAt: { daysAgo: 100 - i } });
    openai.addProject({ name: 'old', archived: true });
    const projects = await all(sdk.admin.organization.projects.list({ limit: 5 }));
    expect(projects.map((p) => p.name)).toEqual(Array.from({ length: 23 }, (_, i) => `p${i}`));
    expect(openai.requestCount('/organization/projects')).toBe(5);
    expect(projects[0]).toMatchObject({
      object: 'organization.project',
      status: 'active',
      created_at: NOW_S - 100 * DAY,
    });
    const withArchived = await all(sdk.admin.organization.projects.list({ include_archived: true, limit: 100 }));
    expect(withArchived.at(-1)).toMatchObject({ name: 'old', status: 'archived', archived_at: NOW_S });
  });

  it('answers the list envelope, and refuses a limit outside 1–100', async () => {
    openai.addProject({ name: 'a' });
    const page = await sdk.admin.organization.projects.list({ limit: 1 });
    expect(page.data).toHaveLength(1);
    expect(page.has_more).toBe(false);
    const raw = await fetch(`${openai.url}/organization/projects?limit=101`, {
      headers: { authorization: `Bearer ${admin.value}` },
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});

describe('project keys, users and service accounts', () => {
  it('lists keys whose owner left only with owner_project_access=any, as inactive', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const hubot = openai.addUser(web.id, { name: 'Hubot', email: 'hubot@example.com' });
    const monaKey = openai.addKey(web.id, { name: 'mona-prod', owner: mona.id, createdAt: { daysAgo: 400 } });
    openai.addKey(web.id, { name: 'hubot-dev', owner: hubot.id, lastUsedAt: { hoursAgo: 3 } });
    openai.removeUser(web.id, mona.id);

    const users = await all(sdk.admin.organization.projects.users.list(web.id));
    expect(users.map((u) => u.email)).toEqual(['hubot@example.com']);
    const visible = await all(sdk.admin.organization.projects.apiKeys.list(web.id));
    expect(visible.map((k) => k.name)).toEqual(['hubot-dev']);
    const every = await all(sdk.admin.organization.projects.apiKeys.list(web.id, { owner_project_access: 'any' }));
    expect(every.map((k) => [k.name, k.owner_project_access])).toEqual([
      ['mona-prod', 'inactive'],
      ['hubot-dev', 'active'],
    ]);
    const inactive = await all(
      sdk.admin.organization.projects.apiKeys.list(web.id, { owner_project_access: 'inactive' }),
    );
    expect(inactive.map((k) => k.id)).toEqual([monaKey.id]);
    expect(every[0]).toMatchObject({
      object: 'organization.project.api_key',
      id: monaKey.id,
      redacted_value: monaKey.redacted,
      created_at: NOW_S - 400 * DAY,
      last_used_at: null,
      expires_at: null,
      owner: { type: 'user', user: { id: mona.id, name: 'Mona', email: 'mona@example.com', role: 'member' } },
    });
    expect(every[1]!.last_used_at).toBe(NOW_S - 3 * 3600);
  });

  it('makes realistic key values and redacts them like the vendor’s examples', () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const bot = openai.addServiceAccount(web.id, 'deploy');
    const user = openai.addKey(web.id, { name: 'u', owner: mona.id });
    const service = openai.addKey(web.id, { name: 's', owner: bot.id });
    expect(user.value).toMatch(/^sk-proj-[\w-]{20,}T3BlbkFJ[\w-]{20,}$/);
    expect(service.value).toMatch(/^sk-svcacct-/);
    expect(admin.value).toMatch(/^sk-admin-/);
    expect(user.redacted).toBe(`sk-proj...${user.value.slice(-3)}`);
    expect(admin.redacted).toBe(`sk-admin...${admin.value.slice(-3)}`);
    expect(new Set([user.value, service.value, admin.value]).size).toBe(3);
  });

  it('retrieves and deletes user and service-account keys; deleting a service account deletes its keys', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const bot = openai.addServiceAccount(web.id, 'deploy-bot');
    const other = openai.addServiceAccount(web.id, 'nightly');
    const userKey = openai.addKey(web.id, { name: 'prod', owner: mona.id });
    const botKey = openai.addKey(web.id, { name: 'ci', owner: bot.id });
    const otherKey = openai.addKey(web.id, { name: 'nightly', owner: other.id });

    const got = await sdk.admin.organization.projects.apiKeys.retrieve(botKey.id, { project_id: web.id });
    expect(got.owner).toMatchObject({ type: 'service_account', service_account: { id: bot.id, name: 'deploy-bot' } });
    expect(await sdk.admin.organization.projects.apiKeys.delete(userKey.id, { project_id: web.id })).toEqual({
      object: 'organization.project.api_key.deleted',
      id: userKey.id,
      deleted: true,
    });
    await sdk.admin.organization.projects.apiKeys.delete(botKey.id, { project_id: web.id });
    expect(openai.key(botKey.id)?.deleted).toBe(true);
    const accounts = await all(sdk.admin.organization.projects.serviceAccounts.list(web.id));
    expect(accounts.map((a) => a.name)).toEqual(['deploy-bot', 'nightly']);

    await sdk.admin.organization.projects.serviceAccounts.delete(other.id, { project_id: web.id });
    expect(openai.key(otherKey.id)?.deleted).toBe(true);
    expect(await all(sdk.admin.organization.projects.apiKeys.list(web.id, { owner_project_access: 'any' }))).toEqual(
      [],
    );
    await expect(
      sdk.admin.organization.projects.apiKeys.retrieve(userKey.id, { project_id: web.id }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('refuses writes to an archived project', async () => {
    const old = openai.addProject({ name: 'old' });
    const mona = openai.addUser(old.id, { name: 'Mona', email: 'mona@example.com' });
    const key = openai.addKey(old.id, { name: 'k', owner: mona.id });
    openai.archiveProject(old.id);
    await expect(sdk.admin.organization.projects.apiKeys.delete(key.id, { project_id: old.id })).rejects.toMatchObject({
      status: 400,
    });
  });
});

describe('admin keys', () => {
  it('lists admin keys with expiry, last use and redacted value, and deletes one', async () => {
    const spare = openai.addAdminKey({ name: 'spare', createdAt: { daysAgo: 800 }, lastUsedAt: { daysAgo: 700 } });
    const keys = await all(sdk.admin.organization.adminAPIKeys.list());
    expect(keys.map((k) => k.name)).toEqual(['audit', 'spare']);
    // The key that asks is used now.
    expect(keys[0]).toMatchObject({
      expires_at: NOW_S + 80 * DAY,
      last_used_at: NOW_S,
      redacted_value: admin.redacted,
    });
    expect(keys[1]).toMatchObject({
      object: 'organization.admin_api_key',
      id: spare.id,
      created_at: NOW_S - 800 * DAY,
      last_used_at: NOW_S - 700 * DAY,
      expires_at: null,
      owner: { type: 'user', name: 'Org Owner', role: 'owner' },
    });
    // CursorPage pages `after` the last item's id.
    expect((await all(sdk.admin.organization.adminAPIKeys.list({ limit: 1 }))).map((k) => k.id)).toEqual([
      admin.id,
      spare.id,
    ]);
    expect(openai.requestCount('/organization/admin_api_keys')).toBe(1 + 2);
    await sdk.admin.organization.adminAPIKeys.delete(spare.id);
    expect((await all(sdk.admin.organization.adminAPIKeys.list())).map((k) => k.id)).toEqual([admin.id]);
  });

  it('stops accepting an admin key once it expires', async () => {
    await sdk.admin.organization.adminAPIKeys.list();
    openai.clock.advance(81 * DAY * 1000);
    await expect(sdk.admin.organization.adminAPIKeys.list()).rejects.toMatchObject({ status: 401 });
  });
});

describe('usage', () => {
  it('answers hourly buckets grouped by api key, paged with next_page', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const a = openai.addKey(web.id, { name: 'a', owner: mona.id });
    const b = openai.addKey(web.id, { name: 'b', owner: mona.id });
    openai.recordUsage(a.id, { hoursAgo: 30 }, { requests: 2, inputTokens: 100, outputTokens: 10 });
    openai.recordUsage(a.id, { minutesAgo: 30 }, { requests: 5, inputTokens: 500, outputTokens: 50 });
    openai.recordUsage(b.id, { minutesAgo: 20 }, { requests: 1, inputTokens: 7 });
    openai.recordUsage(b.id, { minutesAgo: 10 }, { requests: 3, inputTokens: 30, endpoint: 'embeddings' });
    expect(openai.key(a.id)?.lastUsedAt).toBe(NOW_S - 1800);

    const query = {
      start_time: NOW_S - 48 * 3600,
      end_time: NOW_S,
      bucket_width: '1h' as const,
      group_by: ['api_key_id' as const],
      limit: 24,
    };
    const first = await sdk.admin.organization.usage.completions(query);
    expect(first).toMatchObject({ object: 'page', has_more: true });
    expect(first.data).toHaveLength(24);
    expect(first.data[0]).toMatchObject({
      object: 'bucket',
      start_time: NOW_S - 48 * 3600,
      end_time: NOW_S - 47 * 3600,
    });
    const early = first.data.find((bucket) => bucket.results.length > 0)!;
    expect(early.start_time).toBe(NOW_S - 30 * 3600);
    expect(early.results).toEqual([
      expect.objectContaining({
        object: 'organization.usage.completions.result',
        api_key_id: a.id,
        num_model_requests: 2,
        input_tokens: 100,
        output_tokens: 10,
        project_id: null,
      }),
    ]);
    const second = await sdk.admin.organization.usage.completions({ ...query, page: first.next_page! });
    expect(second.has_more).toBe(false);
    expect(second.next_page).toBeNull();
    const last = second.data.at(-1)!;
    expect(last.results).toEqual([
      expect.objectContaining({ api_key_id: a.id, num_model_requests: 5 }),
      expect.objectContaining({ api_key_id: b.id, num_model_requests: 1 }),
    ]);

    const embeddings = await sdk.admin.organization.usage.embeddings({ ...query, api_key_ids: [b.id], limit: 48 });
    expect(embeddings.data.flatMap((bucket) => bucket.results)).toEqual([
      expect.objectContaining({
        object: 'organization.usage.embeddings.result',
        api_key_id: b.id,
        num_model_requests: 3,
        input_tokens: 30,
      }),
    ]);
    const byProject = await sdk.admin.organization.usage.completions({ ...query, group_by: ['project_id'], limit: 48 });
    expect(byProject.data.at(-1)!.results).toEqual([
      expect.objectContaining({ project_id: web.id, api_key_id: null, num_model_requests: 6 }),
    ]);
  });

  it('defaults to daily buckets and refuses a limit above the width’s maximum', async () => {
    const daily = await sdk.admin.organization.usage.completions({ start_time: NOW_S - 3 * DAY });
    expect(daily.data.map((b) => b.end_time - b.start_time)).toEqual([DAY, DAY, DAY, DAY]);
    await expect(
      sdk.admin.organization.usage.completions({ start_time: NOW_S - DAY, bucket_width: '1h', limit: 169 }),
    ).rejects.toMatchObject({ status: 400 });
  });
});

describe('auth and failures', () => {
  it('answers 401 with OpenAI’s error JSON, never echoing the whole key; 403 for a project key', async () => {
    const wrong = `${admin.value.slice(0, -6)}zzzzzz`;
    const stranger = new OpenAI({ adminAPIKey: wrong, baseURL: openai.url, maxRetries: 0 });
    const error = await stranger.admin.organization.projects.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'invalid_api_key', type: 'invalid_request_error' });
    expect(JSON.stringify(error)).not.toContain(wrong);
    expect((error as Error).message).not.toContain(wrong);

    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const key = openai.addKey(web.id, { name: 'k', owner: mona.id });
    const project = new OpenAI({ adminAPIKey: key.value, baseURL: openai.url, maxRetries: 0 });
    await expect(project.admin.organization.projects.list()).rejects.toBeInstanceOf(OpenAI.PermissionDeniedError);
  });

  it('retries a 429 after its Retry-After, as the SDK does', async () => {
    openai.addProject({ name: 'web' });
    openai.failNext('/v1/organization/projects', { status: 429, retryAfter: 1 });
    const projects = await all(sdk.admin.organization.projects.list());
    expect(projects.map((p) => p.name)).toEqual(['web']);
    expect(openai.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('gives up after the failures outlast the SDK retries (500)', async () => {
    openai.failNext('/organization/admin_api_keys', { status: 500, times: 3, retryAfter: 0 });
    await expect(sdk.admin.organization.adminAPIKeys.list()).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    expect(openai.requestCount('/organization/admin_api_keys')).toBe(3);
  });
});

describe('GET /v1/models with a project key', () => {
  it('answers 200 while the key works and 401 once it is deleted, expired or its project archived', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const key = openai.addKey(web.id, { name: 'k', owner: mona.id, expiresAt: { daysAgo: -1 } });
    const other = openai.addKey(web.id, { name: 'other', owner: mona.id });
    const live = new OpenAI({ apiKey: key.value, baseURL: openai.url, maxRetries: 0 });
    const models = await live.models.list();
    expect(models.data[0]).toMatchObject({ object: 'model' });
    openai.removeUser(web.id, mona.id);
    await expect(live.models.list()).resolves.toBeDefined();
    openai.clock.advance(2 * DAY * 1000);
    await expect(live.models.list()).rejects.toMatchObject({ status: 401 });

    const otherClient = new OpenAI({ apiKey: other.value, baseURL: openai.url, maxRetries: 0 });
    await expect(otherClient.models.list()).resolves.toBeDefined();
    const third = openai.addKey(web.id, { name: 'third', owner: mona.id });
    openai.deleteKey(third.id);
    const thirdClient = new OpenAI({ apiKey: third.value, baseURL: openai.url, maxRetries: 0 });
    await expect(thirdClient.models.list()).rejects.toMatchObject({ status: 401 });
    openai.archiveProject(web.id);
    await expect(otherClient.models.list()).rejects.toMatchObject({ status: 401 });

    const adminAsProject = new OpenAI({ apiKey: admin.value, baseURL: openai.url, maxRetries: 0 });
    await expect(adminAsProject.models.list()).rejects.toMatchObject({ status: 403 });
  });
});
