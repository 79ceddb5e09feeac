import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiAdminEmulator, type OpenAiAdminEmulator } from '../support/openai-admin-emulator.js';
import { OPENAI_NOW, seedOpenAiOrg } from '../audit/seed-openai-org.js';
import { runAuditCli, type AuditRun } from './audit-process.js';

// The OpenAI audit end to end: the built CLI (`npm run build` first) against the Administration API
// emulator on 127.0.0.1, on the emulator's clock.

let emu: OpenAiAdminEmulator;
beforeEach(async () => {
  emu = await startOpenAiAdminEmulator({ now: OPENAI_NOW, seed: 3 });
});
afterEach(() => emu.close());

const audit = (adminKey: string, args: string[] = [], env: Record<string, string> = {}) =>
  runAuditCli(['audit', 'openai', ...args], {
    now: OPENAI_NOW,
    env: { OPENAI_ADMIN_KEY: adminKey, OPENAI_BASE_URL: emu.url, ...env },
  });

function expectNoKey(key: string, run: AuditRun, ...more: string[]): void {
  for (const text of [run.stdout, run.stderr, ...more]) expect(text).not.toContain(key);
}

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('key-hygiene audit openai', () => {
  it('finds exactly the seeded problems, each with the fields of the JSON document; exit 1', async () => {
    const { adminKey, project, keys } = seedOpenAiOrg(emu);
    const run = await audit(adminKey.value, ['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ version: 1, provider: 'openai', keys: 8, usageError: null, notHeld: null });
    expect(doc.generatedAt).toMatch(/^2026-06-01T12:00:/);
    const found = doc.findings.map((f: { keyId: string; problem: string }) => `${f.keyId}:${f.problem}`).sort();
    expect(found).toEqual(
      [
        `${keys.overdue.id}:overdue`,
        `${keys.unused.id}:unused`,
        `${keys.orphaned.id}:orphaned`,
        `${keys.spike.id}:usage-spike`,
        `${keys.oldAdmin.id}:no-expiry`,
      ].sort(),
    );
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual([
        'provider',
        'problem',
        'keyId',
        'keyName',
        'project',
        'projectName',
        'redacted',
        'owner',
        'createdAt',
        'lastUsedAt',
        'detail',
      ]);
      expect(f.provider).toBe('openai');
      expect(f.createdAt).toMatch(ISO);
      if (f.lastUsedAt !== null) expect(f.lastUsedAt).toMatch(ISO);
      expect(f.detail).toMatch(/^[A-Z].*\.$/);
    }
    const byProblem = Object.fromEntries(doc.findings.map((f: { problem: string }) => [f.problem, f]));
    expect(byProblem.overdue).toMatchObject({
      keyName: 'overdue',
      project: project.id,
      projectName: 'web',
      redacted: keys.overdue.redacted,
      owner: 'alice@example.com',
      createdAt: new Date(OPENAI_NOW.getTime() - 400 * 86_400_000).toISOString(),
      lastUsedAt: new Date(OPENAI_NOW.getTime() - 2 * 3_600_000).toISOString(),
    });
    expect(byProblem.unused).toMatchObject({ keyId: keys.unused.id, lastUsedAt: null });
    expect(byProblem.orphaned).toMatchObject({ owner: 'bob@example.com' });
    expect(byProblem['no-expiry']).toMatchObject({ project: null, projectName: null });
    expect(byProblem['usage-spike'].detail).toMatch(/^In the last hour it made 900 requests and used 450,000 tokens/);
    expectNoKey(adminKey.value, run);
  });

  it('text and SARIF show the same findings; neither holds the admin key', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    const text = await audit(adminKey.value);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^OpenAI provider audit at 2026-06-01T12:00:\d\d\.\d{3}Z: 8 keys, 5 findings$/m);
    expect(text.stdout).toMatch(/^Project web \(proj_\w+\)$/m);
    expect(text.stdout).toMatch(/^Keys outside any project \(admin keys\)$/m);
    expect(text.stdout).toMatch(/^ {2}bot-clean \(key_\w+\) +deploy-bot \(service account\) .* active +—$/m);
    const dir = mkdtempSync(join(tmpdir(), 'kh-sarif-'));
    const sarif = await audit(adminKey.value, ['--format', 'sarif', '-o', join(dir, 'audit.sarif')]);
    expect(sarif.code).toBe(1);
    const log = readFileSync(join(dir, 'audit.sarif'), 'utf8');
    expect(JSON.parse(log).runs[0].results).toHaveLength(5);
    expectNoKey(adminKey.value, text, log);
    expectNoKey(adminKey.value, sarif);
  });

  it('a clean organisation exits 0', async () => {
    const adminKey = emu.addAdminKey({ name: 'audit', expiresAt: { daysAgo: -30 } });
    const project = emu.addProject({ name: 'web' });
    const alice = emu.addUser(project.id, { name: 'Alice', email: 'alice@example.com' });
    emu.addKey(project.id, { name: 'fresh', owner: alice.id, createdAt: { daysAgo: 3 }, lastUsedAt: { hoursAgo: 3 } });
    const run = await audit(adminKey.value, ['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });

  it('a refused admin key: exit 2, one line naming the variable and the status, never the key', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    const wrong = `${adminKey.value.slice(0, -6)}XXXXXX`;
    const run = await audit(wrong);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^key-hygiene: .*OPENAI_ADMIN_KEY.*401/);
    expectNoKey(wrong, run);
    expectNoKey(adminKey.value, run);
  });

  it('no admin key: exit 2, one line naming the variable', async () => {
    const run = await audit('', [], { OPENAI_ADMIN_KEY: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "key-hygiene: OPENAI_ADMIN_KEY is empty: set it to an OpenAI admin key to audit OpenAI's keys\n",
    );
  });

  it('--base-url wins over OPENAI_BASE_URL', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    const run = await audit(adminKey.value, ['--format', 'json', '--base-url', emu.url], {
      OPENAI_BASE_URL: 'http://127.0.0.1:9/nowhere',
    });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings).toHaveLength(5);
  });

  it('usage that cannot be read: the inventory’s findings stand, with the reason; exit 2 when nothing else is found', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    emu.failNext('/organization/usage', { status: 403, times: 50 });
    const run = await audit(adminKey.value, ['--format', 'json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.usageError).toMatch(/OPENAI_ADMIN_KEY.*403/);
    expect(doc.findings.map((f: { problem: string }) => f.problem).sort()).toEqual([
      'no-expiry',
      'orphaned',
      'overdue',
      'unused',
    ]);
    expect(run.stderr).toMatch(/^key-hygiene: OpenAI usage not read, so no usage spike was judged: .*403/);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expectNoKey(adminKey.value, run);

    await emu.close();
    emu = await startOpenAiAdminEmulator({ now: OPENAI_NOW, seed: 4 });
    const clean = emu.addAdminKey({ name: 'audit', expiresAt: { daysAgo: -30 } });
    emu.failNext('/organization/usage', { status: 403, times: 50 });
    const incomplete = await audit(clean.value, ['--format', 'json']);
    expect(incomplete.code).toBe(2);
    expect(JSON.parse(incomplete.stdout).findings).toEqual([]);
  });

  it('held keys from the verify jobs: the active project keys no environment holds are listed', async () => {
    const { adminKey, keys } = seedOpenAiOrg(emu);
    const dir = mkdtempSync(join(tmpdir(), 'kh-held-'));
    const needs = {
      'verify-production': {
        result: 'success',
        outputs: { 'provider-key-id': keys.clean.id, fingerprint: '0123456789abcdef' },
      },
      'verify-staging': { result: 'success', outputs: { 'provider-key-id': keys.botClean.id } },
    };
    writeFileSync(join(dir, 'needs.json'), JSON.stringify(needs));
    const run = await audit(adminKey.value, ['--format', 'json', '--held-keys', join(dir, 'needs.json')]);
    expect(
      JSON.parse(run.stdout)
        .notHeld.map((k: { keyName: string }) => k.keyName)
        .sort(),
    ).toEqual(['orphaned', 'overdue', 'spike', 'unused']);
  });

  it('hostile names from the provider reach the terminal and the JSON without a control character', async () => {
    const hostile = ' \u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e';
    const { adminKey } = seedOpenAiOrg(emu, hostile);
    const run = await audit(adminKey.value);
    expect(run.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(run.stdout).toMatch(/^ {2}overdue .*pwned.* \(key_\w+\) /m);
    const json = await audit(adminKey.value, ['--format', 'json']);
    // eslint-disable-next-line no-control-regex
    expect(json.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // The client drops control characters from names; whatever is left is shown, never run.
    expect(JSON.parse(json.stdout).findings[0].keyName).toMatch(/pwned/);
  });
});
