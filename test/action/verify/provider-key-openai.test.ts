import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiAdminEmulator, type OpenAiAdminEmulator } from '../../support/openai-admin-emulator.js';
import { runActionAsync } from '../../support/run-action.js';
import { expectNeverShown, titles } from './never-shown.js';

// `mode: verify` with OPENAI_ADMIN_KEY in the job's env, run as a runner runs dist/index.js against the
// local OpenAI Administration API emulator: which project key the secret holds, found by the
// `redacted_value` the API lists, and `mode: compare` judging reuse from OpenAI's own key ids.

let openai: OpenAiAdminEmulator;
let adminKey: string;
let workspace: string;
let web: { id: string; name: string };
let mona: { id: string };

beforeEach(async () => {
  openai = await startOpenAiAdminEmulator({ seed: 7 });
  adminKey = openai.addAdminKey({ name: 'audit' }).value;
  web = openai.addProject({ name: 'web' });
  mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
  workspace = mkdtempSync(join(tmpdir(), 'kh-verify-openai-'));
});
afterEach(async () => {
  await openai.close();
  rmSync(workspace, { recursive: true, force: true });
});

const run = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runActionAsync({ workspace, eventName: 'push', payload: {}, inputs, env: { GITHUB_REPOSITORY_ID: '31337', ...env } });

const verify = (value: string, env: Record<string, string> = {}, inputs: Record<string, string> = {}) =>
  run(
    { mode: 'verify', secret: 'OPENAI_API_KEY', provider: 'openai', ...inputs },
    { OPENAI_API_KEY: value, OPENAI_ADMIN_KEY: adminKey, OPENAI_BASE_URL: openai.url, ...env },
  );

describe('mode: verify with OPENAI_ADMIN_KEY', () => {
  it("outputs the project key's id, project and real dates, and shows them in the summary", async () => {
    openai.addKey(web.id, { name: 'staging', owner: mona.id });
    const key = openai.addKey(web.id, {
      name: 'prod',
      owner: mona.id,
      createdAt: new Date('2024-05-01T09:00:00Z'),
      lastUsedAt: new Date('2026-11-30T18:00:00Z'),
    });
    const result = await verify(key.value, {}, { online: 'true', 'provider-url': openai.origin });
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([]);
    expect(result.outputs).toEqual({
      fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      status: 'valid',
      findings: '0',
      'provider-key-id': key.id,
      'provider-key-project': web.id,
      'provider-key-created-at': expect.stringMatching(/^2024-05-01T09:00:00(\.000)?Z$/),
      'provider-key-last-used-at': expect.stringMatching(/^2026-11-30T18:00:00(\.000)?Z$/),
    });
    expect(result.summary).toMatch(
      new RegExp(
        `\\| \`${key.id}\` \\| prod \\| web \\(\`${web.id}\`\\) \\| 2024-05-01T09:00:00(\\.000)?Z \\| 2026-11-30T18:00:00(\\.000)?Z \\| active \\|`,
      ),
    );
    // A key a job reads from an environment secret is what workload identity federation replaces.
    expect(result.summary).toContain('OpenAI accepts GitHub Actions OIDC tokens (workload identity federation)');
    expectNeverShown(result, key.value, adminKey);
  });

  it('a service-account key is found too; a never-used key has an empty last-used output', async () => {
    const bot = openai.addServiceAccount(web.id, 'deploy-bot');
    const key = openai.addKey(web.id, { name: 'deploy', owner: bot.id, lastUsedAt: null });
    const result = await verify(key.value);
    expect(result.code).toBe(0);
    expect(result.outputs['provider-key-id']).toBe(key.id);
    expect(result.outputs['provider-key-last-used-at']).toBe('');
    expect(result.summary).toContain('| never | active |');
    expectNeverShown(result, key.value, adminKey);
  });

  it('reports two keys whose redacted forms both fit, naming both ids and outputting none', async () => {
    const key = openai.addKey(web.id, { name: 'prod', owner: mona.id });
    const twin = openai.addKey(web.id, { name: 'lookalike', owner: mona.id, redacted: key.redacted });
    const result = await verify(key.value);
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', 'OPENAI_API_KEY: 2 OpenAI keys fit']]);
    expect(result.annotations[0]!.message).toMatch(
      new RegExp(`\\((${key.id}, ${twin.id}|${twin.id}, ${key.id})\\): which one it holds cannot be told`),
    );
    expect(result.outputs['provider-key-id']).toBeUndefined();
    expect(result.summary).toContain('- **warning**: 2 keys OpenAI lists fit the redacted form of OPENAI\\_API\\_KEY');
    expectNeverShown(result, key.value, adminKey);
  });

  it('a project key given as the admin key is one line naming OPENAI_ADMIN_KEY and 403', async () => {
    const key = openai.addKey(web.id, { name: 'prod', owner: mona.id });
    const notAdmin = openai.addKey(web.id, { name: 'other', owner: mona.id }).value;
    const result = await verify(key.value, { OPENAI_ADMIN_KEY: notAdmin });
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', 'OPENAI_API_KEY: OpenAI key inventory not read']]);
    expect(result.annotations[0]!.message).toMatch(
      /^OPENAI_ADMIN_KEY was refused: 403 from .*: OPENAI_API_KEY was not looked up in OpenAI's key inventory\.$/,
    );
    expectNeverShown(result, key.value, notAdmin);
  });

  it('an admin API that cannot be reached is one warning line naming OPENAI_ADMIN_KEY', async () => {
    const key = openai.addKey(web.id, { name: 'prod', owner: mona.id });
    const result = await verify(key.value, { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', 'OPENAI_API_KEY: OpenAI key inventory not read']]);
    expect(result.annotations[0]!.message).toContain('OPENAI_ADMIN_KEY');
    expect(result.annotations[0]!.message).toContain('could not be reached');
    expectNeverShown(result, key.value, adminKey);
  });

  it("escapes a hostile inventory's names in the summary and forges no log line", async () => {
    const key = openai.addKey(web.id, { name: 'prod', owner: mona.id });
    const hostile = '<img src=x>@org/team #1 | `x`\n::error::forged\u001b[2J';
    openai.tamper('/organization/projects', (body) =>
      JSON.parse(
        JSON.stringify(body).replaceAll('"prod"', JSON.stringify(hostile)).replaceAll('"web"', JSON.stringify(hostile)),
      ),
    );
    const result = await verify(key.value);
    expect(result.code).toBe(0);
    expect(result.outputs['provider-key-id']).toBe(key.id);
    const row = result.summary.split('\n').find((l) => l.startsWith(`| \`${key.id}\``))!;
    // The client drops control characters from names (a newline becomes a space); the rest is escaped.
    expect(row).toContain('&lt;img src=x&gt;@\u200borg/team \\#\u200b1 \\| \\`x\\` ::error::forged \\[2J');
    expect(row.split(' | ')).toHaveLength(6);
    expect(result.summary).not.toContain('\u001b');
    expect(result.stdout.split('\n').filter((l) => /^\s*::error/.test(l))).toEqual([]);
    expectNeverShown(result, key.value, adminKey);
  });

  it('end to end: two environments holding one OpenAI key fail compare, named by jobs and provider key id', async () => {
    const shared = openai.addKey(web.id, {
      name: 'shared',
      owner: mona.id,
      createdAt: new Date('2023-01-02T03:04:05Z'),
    });
    const own = openai.addKey(web.id, { name: 'dev', owner: mona.id });
    const needs: Record<string, unknown> = {};
    for (const [job, value] of [
      ['verify-development', own.value],
      ['verify-staging', shared.value],
      ['verify-production', shared.value],
    ] as const) {
      const verified = await verify(value);
      expect(verified.code).toBe(0);
      needs[job] = { result: 'success', outputs: verified.outputs };
    }
    const compared = await run({ mode: 'compare', fingerprints: JSON.stringify(needs) });
    expect(compared.code).toBe(1);
    const errors = compared.annotations.filter((a) => a.level === 'error' && a.properties.title);
    // Found by both the fingerprint and OpenAI's id: said once, by the id.
    expect(errors.map((a) => a.message)).toEqual([
      `Jobs verify-staging, verify-production hold the same provider key ${shared.id} (project ${web.id}): each environment needs its own key. Make a new key for each, update the environment secrets, and delete ${shared.id} at the provider.`,
    ]);
    expect(compared.summary).toMatch(
      new RegExp(
        `\\| verify-staging \\| success \\| \`[0-9a-f]{16}\` \\| \`${shared.id}\` \\| \`${web.id}\` \\| 2023-01-02T03:04:05(\\.000)?Z \\| `,
      ),
    );
    for (const value of [shared.value, own.value, adminKey])
      expect(compared.stdout + compared.summary + JSON.stringify(needs)).not.toContain(value);
  });
});
