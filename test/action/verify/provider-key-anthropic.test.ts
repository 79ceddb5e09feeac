import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicAdminEmulator, type AnthropicAdminEmulator } from '../../support/anthropic-admin-emulator.js';
import { runActionAsync } from '../../support/run-action.js';
import { expectNeverShown, titles } from './never-shown.js';

// `mode: verify` with ANTHROPIC_ADMIN_KEY in the job's env, run as a runner runs dist/index.js against
// the local Anthropic Admin API emulator: which key of the organisation's inventory the secret holds,
// found by its `partial_key_hint`, and `mode: compare` judging reuse from the provider's ids.

const HOUR = 3_600_000;
let emu: AnthropicAdminEmulator;
let adminKey: string;
let workspace: string;
let prod: { id: string; name: string };
let alice: { id: string };

beforeEach(async () => {
  // The clock starts at the real time: the client asks the usage report about the hours before now.
  emu = await startAnthropicAdminEmulator({ seed: 5 });
  adminKey = emu.addAdminKey().value;
  prod = emu.addWorkspace({ name: 'prod' });
  alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
  workspace = mkdtempSync(join(tmpdir(), 'kh-verify-anthropic-'));
});
afterEach(async () => {
  await emu.close();
  rmSync(workspace, { recursive: true, force: true });
});

function verify(value: string, env: Record<string, string> = {}, inputs: Record<string, string> = {}) {
  return runActionAsync({
    workspace,
    eventName: 'push',
    payload: {},
    inputs: { mode: 'verify', secret: 'ANTHROPIC_API_KEY', provider: 'anthropic', ...inputs },
    env: {
      GITHUB_REPOSITORY_ID: '4242',
      ANTHROPIC_API_KEY: value,
      ANTHROPIC_ADMIN_KEY: adminKey,
      ANTHROPIC_BASE_URL: emu.url,
      ...env,
    },
  });
}

describe('mode: verify with ANTHROPIC_ADMIN_KEY', () => {
  it("outputs the inventory key's id, workspace and real dates, and shows them in the summary", async () => {
    emu.addKey({ name: 'other', createdBy: alice.id, workspaceId: prod.id });
    const key = emu.addKey({
      name: 'ci prod',
      createdBy: alice.id,
      workspaceId: prod.id,
      createdAt: '2024-03-01T00:00:00Z',
    });
    emu.recordUsage(key.id, new Date(emu.clock.now().getTime() - 2 * HOUR), { inputTokens: 10, outputTokens: 5 });
    const result = await verify(key.value);
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([]);
    expect(result.outputs).toMatchObject({
      'provider-key-id': key.id,
      'provider-key-project': prod.id,
      findings: '0',
    });
    expect(Date.parse(result.outputs['provider-key-created-at']!)).toBe(Date.parse('2024-03-01T00:00:00Z'));
    expect(result.outputs['provider-key-last-used-at']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(result.summary).toContain('### The key at Anthropic');
    expect(result.summary).toContain(`| \`${key.id}\` | ci prod | prod (\`${prod.id}\`) |`);
    expectNeverShown(result, key.value, adminKey);
  });

  it('a key no inventory entry fits is one warning line, and the step passes', async () => {
    emu.addKey({ name: 'listed', createdBy: alice.id, workspaceId: prod.id });
    const elsewhere = await startAnthropicAdminEmulator({ seed: 6 });
    const foreign = elsewhere.addKey({ name: 'another org', createdBy: 'user_x' });
    await elsewhere.close();
    const result = await verify(foreign.value);
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', "ANTHROPIC_API_KEY: not in Anthropic's key inventory"]]);
    expect(result.annotations[0]!.message).toContain('None of the 1 key Anthropic lists');
    expect(result.outputs['provider-key-id']).toBeUndefined();
    expect(result.outputs.findings).toBe('1');
    expect(result.summary).toContain('### The key at Anthropic\n\n- **warning**: None of the 1 key Anthropic lists');
    expectNeverShown(result, foreign.value, adminKey);
    expect((await verify(foreign.value, {}, { 'fail-on': 'warning' })).code).toBe(1);
  });

  it('reports two keys whose hints both fit, and outputs no id', async () => {
    const key = emu.addKey({ name: 'ci', createdBy: alice.id, workspaceId: prod.id });
    const listed = (await (
      await fetch(`${emu.url}/v1/organizations/api_keys?limit=1000`, {
        headers: { 'x-api-key': adminKey, 'anthropic-version': '2023-06-01' },
      })
    ).json()) as { data: Array<Record<string, unknown>> };
    // A second key with the same hint: the same head and tail, a different middle.
    const twin = { ...listed.data[0]!, id: 'apikey_01Twin', name: 'twin' };
    const page = JSON.stringify({ data: [listed.data[0], twin], has_more: false, first_id: key.id, last_id: twin.id });
    emu.intercept(
      '/v1/organizations/api_keys',
      () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: page }),
      20,
    );
    const result = await verify(key.value);
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', 'ANTHROPIC_API_KEY: 2 Anthropic keys fit']]);
    expect(result.annotations[0]!.message).toContain(`(${key.id}, apikey_01Twin): which one it holds cannot be told`);
    expect(result.outputs['provider-key-id']).toBeUndefined();
    expect(result.summary).toContain(
      '- **warning**: 2 keys Anthropic lists fit the redacted form of ANTHROPIC\\_API\\_KEY',
    );
    expectNeverShown(result, key.value, adminKey);
  });

  it('a refused admin key is one line naming ANTHROPIC_ADMIN_KEY and the status, never the key', async () => {
    const key = emu.addKey({ name: 'ci', createdBy: alice.id, workspaceId: prod.id });
    const wrongAdmin = emu.addAdminKey({ status: 'inactive' }).value;
    const result = await verify(key.value, { ANTHROPIC_ADMIN_KEY: wrongAdmin });
    expect(result.code).toBe(0);
    expect(titles(result)).toEqual([['warning', 'ANTHROPIC_API_KEY: Anthropic key inventory not read']]);
    expect(result.annotations[0]!.message).toMatch(
      /^Anthropic Admin API \(ANTHROPIC_ADMIN_KEY\): 401 from .*: ANTHROPIC_API_KEY was not looked up in Anthropic's key inventory\.$/,
    );
    expect(result.annotations[0]!.message).not.toContain('\n');
    expectNeverShown(result, key.value, wrongAdmin);
  });

  it('fails on a key the inventory lists as inactive', async () => {
    const key = emu.addKey({ name: 'old', createdBy: alice.id, workspaceId: prod.id, status: 'inactive' });
    const result = await verify(key.value);
    expect(result.code).toBe(1);
    expect(titles(result)).toEqual([['error', 'ANTHROPIC_API_KEY is inactive at Anthropic']]);
    expect(result.outputs['provider-key-id']).toBe(key.id);
    expectNeverShown(result, key.value, adminKey);
  });

  it('end to end: two environments holding one Anthropic key fail compare, named by jobs and provider key id', async () => {
    const shared = emu.addKey({ name: 'shared', createdBy: alice.id, workspaceId: prod.id });
    const own = emu.addKey({ name: 'dev', createdBy: alice.id, workspaceId: prod.id });
    const needs: Record<string, unknown> = {};
    // Each job its own fingerprint-key (the mistake the README warns about): the fingerprints differ.
    for (const [job, value, secret] of [
      ['verify-development', own.value, 'a'.repeat(64)],
      ['verify-staging', shared.value, 'b'.repeat(64)],
      ['verify-production', shared.value, 'c'.repeat(64)],
    ] as const) {
      const verified = await verify(value, {}, { 'fingerprint-key': secret });
      expect(verified.code).toBe(0);
      needs[job] = { result: 'success', outputs: verified.outputs };
    }
    const compared = await runActionAsync({
      workspace,
      eventName: 'push',
      payload: {},
      inputs: { mode: 'compare', fingerprints: JSON.stringify(needs) },
      env: { GITHUB_REPOSITORY_ID: '4242' },
    });
    expect(compared.code).toBe(1);
    const errors = compared.annotations.filter((a) => a.level === 'error' && a.properties.title);
    expect(errors.map((a) => a.message)).toEqual([
      `Jobs verify-staging, verify-production hold the same provider key ${shared.id} (project ${prod.id}): each environment needs its own key. Make a new key for each, update the environment secrets, and delete ${shared.id} at the provider.`,
    ]);
    expect(compared.summary).toContain(`| \`${own.id}\` | \`${prod.id}\` |`);
    for (const value of [shared.value, own.value, adminKey])
      expect(compared.stdout + compared.summary + JSON.stringify(needs)).not.toContain(value);
  });
});
