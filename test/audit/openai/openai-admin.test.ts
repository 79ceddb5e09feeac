import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderKey } from '../../../src/audit/provider-admin.js';
import { createOpenAiAdmin, type OpenAiAdminOptions } from '../../../src/audit/openai/openai-admin.js';
import { ADMIN_APIS } from '../../../src/audit/admin-clients.js';
import {
  startOpenAiAdminEmulator,
  type OpenAiAdminEmulator,
  type OpenAiAdminEmulatorOptions,
  type SeededKey,
} from '../../support/openai-admin-emulator.js';

// The client against the emulator over real HTTP on 127.0.0.1, with Node's own fetch.
const NOW = new Date('2026-06-01T12:00:00Z');
const HOUR = 3_600_000;

let openai: OpenAiAdminEmulator;
let admin: SeededKey;

async function start(options: OpenAiAdminEmulatorOptions = {}): Promise<void> {
  openai = await startOpenAiAdminEmulator({ now: NOW, ...options });
  admin = openai.addAdminKey({ name: 'audit', createdAt: { daysAgo: 30 }, expiresAt: { daysAgo: -60 } });
}

const client = (options: Partial<OpenAiAdminOptions> = {}) =>
  createOpenAiAdmin({
    adminKey: admin.value,
    baseUrl: openai.url,
    fetch: globalThis.fetch,
    now: () => openai.clock.now(),
    ...options,
  });

beforeEach(() => start());
afterEach(() => openai.close());

describe('listKeys', () => {
  it('lists every project key (owner access included) and the admin keys, across pages', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const hubot = openai.addUser(web.id, { name: 'Hubot', email: 'hubot@example.com' });
    const bot = openai.addServiceAccount(web.id, 'deploy-bot');
    const monaKey = openai.addKey(web.id, {
      name: 'mona-prod',
      owner: mona.id,
      createdAt: { daysAgo: 400 },
      lastUsedAt: { hoursAgo: 5 },
    });
    const botKey = openai.addKey(web.id, { name: 'ci', owner: bot.id, expiresAt: { daysAgo: 1 } });
    for (let i = 0; i < 130; i += 1) openai.addKey(web.id, { name: `bulk-${i}`, owner: hubot.id });
    openai.removeUser(web.id, mona.id);
    const old = openai.addProject({ name: 'old' });
    const oldUser = openai.addUser(old.id, { name: 'Old', email: 'old@example.com' });
    openai.addKey(old.id, { name: 'in-archive', owner: oldUser.id });
    openai.archiveProject(old.id);
    const spare = openai.addAdminKey({ name: 'spare', createdAt: { daysAgo: 900 } });

    const keys = await client().listKeys();

    expect(keys).toHaveLength(132 + 2);
    expect(openai.requestCount('/organization/projects/')).toBe(2); // 132 keys: two pages of 100
    const byName = new Map(keys.map((k) => [k.name, k]));
    expect(byName.get('mona-prod')).toEqual<ProviderKey>({
      provider: 'openai',
      id: monaKey.id,
      name: 'mona-prod',
      redacted: monaKey.redacted,
      kind: 'project',
      project: { id: web.id, name: 'web' },
      owner: { type: 'user', id: mona.id, name: 'Mona', email: 'mona@example.com', hasAccess: false },
      createdAt: new Date(NOW.getTime() - 400 * 24 * HOUR).toISOString(),
      lastUsedAt: new Date(NOW.getTime() - 5 * HOUR).toISOString(),
      expiresAt: null,
      status: 'active',
    });
    expect(byName.get('ci')).toMatchObject({
      id: botKey.id,
      owner: { type: 'service-account', id: bot.id, name: 'deploy-bot', email: null, hasAccess: true },
      status: 'expired',
    });
    expect(byName.get('bulk-0')?.owner?.hasAccess).toBe(true);
    // Archived projects are left out: their keys no longer work and cannot be deleted.
    expect(byName.has('in-archive')).toBe(false);
    expect(byName.get('spare')).toMatchObject({
      id: spare.id,
      kind: 'admin',
      project: null,
      redacted: spare.redacted,
      expiresAt: null,
      lastUsedAt: null,
      owner: { type: 'user', name: 'Org Owner', hasAccess: true },
    });
    expect(byName.get('audit')).toMatchObject({ kind: 'admin', expiresAt: '2026-07-31T12:00:00.000Z' });
  });

  it('leaves out an archived project even when a server lists it unasked, and lists each project once', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    openai.addKey(web.id, { name: 'live', owner: mona.id });
    const old = openai.addProject({ name: 'old', archived: true });
    openai.tamper('/organization/projects', (body) => {
      const page = body as { data: { object: string }[] };
      if (page.data[0]?.object !== 'organization.project') return body; // the prefix matches the key lists too
      const archived = { id: old.id, object: 'organization.project', name: 'old', status: 'archived', archived_at: 1 };
      return { ...page, data: [...page.data, ...page.data, archived] };
    });
    expect((await client().listKeys()).map((k) => k.name)).toEqual(['live', 'audit']);
  });

  it('is what ADMIN_APIS loads for openai', async () => {
    const make = await ADMIN_APIS.openai.load();
    const keys = await make({ adminKey: admin.value, baseUrl: openai.url, fetch: globalThis.fetch }).listKeys();
    expect(keys.map((k) => k.name)).toEqual(['audit']);
  });
});

describe('usage', () => {
  it('sums hourly requests and tokens per key over completions and embeddings, following next_page', async () => {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const a = openai.addKey(web.id, { name: 'a', owner: mona.id });
    const b = openai.addKey(web.id, { name: 'b', owner: mona.id });
    openai.recordUsage(a.id, { hoursAgo: 180 }, { requests: 1, inputTokens: 10, outputTokens: 1 });
    openai.recordUsage(a.id, { minutesAgo: 50 }, { requests: 4, inputTokens: 400, outputTokens: 40 });
    openai.recordUsage(a.id, { minutesAgo: 40 }, { requests: 2, inputTokens: 20, endpoint: 'embeddings' });
    openai.recordUsage(a.id, { minutesAgo: 30 }, { requests: 1, units: 2, endpoint: 'images' });
    openai.recordUsage(b.id, { hoursAgo: 3 }, { requests: 9, inputTokens: 90 });

    const from = new Date(NOW.getTime() - 8 * 24 * HOUR).toISOString(); // 192 h: two pages per endpoint
    const usage = await client().usage(from, NOW.toISOString());

    expect(usage.from).toBe(from);
    expect(usage.byKey.get(a.id)).toEqual([
      { start: '2026-05-25T00:00:00.000Z', end: '2026-05-25T01:00:00.000Z', requests: 1, tokens: 11 },
      { start: '2026-06-01T11:00:00.000Z', end: '2026-06-01T12:00:00.000Z', requests: 7, tokens: 460 },
    ]);
    expect(usage.byKey.get(b.id)).toEqual([
      { start: '2026-06-01T09:00:00.000Z', end: '2026-06-01T10:00:00.000Z', requests: 9, tokens: 90 },
    ]);
    expect(openai.requestCount('/organization/usage/completions')).toBe(2);
    const asked = openai.requests.find((r) => r.path === '/organization/usage/completions')!;
    expect(new URLSearchParams(asked.query).getAll('group_by')).toEqual(['api_key_id']);
    expect(new URLSearchParams(asked.query).get('bucket_width')).toBe('1h');
  });

  it('treats a usage endpoint a stand-in lacks as no use, but requires completions', async () => {
    openai.failNext('/organization/usage/embeddings', { status: 404 });
    openai.failNext('/organization/usage/audio_speeches', { status: 404 });
    const usage = await client().usage(new Date(NOW.getTime() - HOUR).toISOString(), NOW.toISOString());
    expect(usage.byKey.size).toBe(0);
    openai.failNext('/organization/usage/completions', { status: 404 });
    await expect(client().usage(new Date(NOW.getTime() - HOUR).toISOString(), NOW.toISOString())).rejects.toThrow(
      "OpenAI's admin API failed with 404 from GET /organization/usage/completions (with OPENAI_ADMIN_KEY)",
    );
  });
});

describe('revoke', () => {
  async function seedKeys() {
    const web = openai.addProject({ name: 'web' });
    const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
    const bot = openai.addServiceAccount(web.id, 'deploy-bot');
    openai.addKey(web.id, { name: 'user-key', owner: mona.id });
    openai.addKey(web.id, { name: 'bot-key', owner: bot.id });
    const admin2 = openai.addAdminKey({ name: 'old-admin' });
    const keys = await client().listKeys();
    const find = (name: string) => keys.find((k) => k.name === name)!;
    return { web, bot, find, admin2 };
  }

  it('deletes a user key, a service account’s key (through the project key endpoint) and an admin key', async () => {
    const { find } = await seedKeys();
    for (const name of ['user-key', 'bot-key', 'old-admin']) {
      await client().revoke(find(name));
      expect(openai.key(find(name).id)?.deleted).toBe(true);
    }
    expect((await client().listKeys()).map((k) => k.name)).toEqual(['audit']);
    await expect(client().revoke(find('user-key'))).rejects.toThrow(
      `OpenAI lists no key ${find('user-key').id} to delete (404 from DELETE /organization/projects/${find('user-key').project!.id}/api_keys/${find('user-key').id}, with OPENAI_ADMIN_KEY): it may be deleted already`,
    );
  });

  it('where the key endpoint refuses a service account’s key, deletes the account only when it holds no other key', async () => {
    await openai.close();
    await start({ serviceAccountKeyDelete: 'refused' });
    const { web, bot, find } = await seedKeys();
    const second = openai.addKey(web.id, { name: 'bot-key-2', owner: bot.id });
    await expect(client().revoke(find('bot-key'))).rejects.toThrow(
      /holds 1 other key\(s\): delete the key in OpenAI's dashboard/,
    );
    expect(openai.key(find('bot-key').id)?.deleted).toBe(false);
    openai.removeServiceAccount(web.id, bot.id);
    const lone = openai.addServiceAccount(web.id, 'lone');
    const loneKey = openai.addKey(web.id, { name: 'lone-key', owner: lone.id });
    const listed = (await client().listKeys()).find((k) => k.id === loneKey.id)!;
    await client().revoke(listed);
    expect(openai.key(loneKey.id)?.deleted).toBe(true);
    expect(openai.key(second.id)?.deleted).toBe(true);
  });
});
