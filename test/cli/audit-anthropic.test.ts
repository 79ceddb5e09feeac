import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicAdminEmulator, type AnthropicAdminEmulator } from '../support/anthropic-admin-emulator.js';
import { runAuditCli, type AuditRun } from './audit-process.js';

// The Anthropic audit end to end: the built CLI against the Admin API emulator on 127.0.0.1, on the
// emulator's clock. The API lists no admin keys, so `no-expiry` has no Anthropic case.

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let emu: AnthropicAdminEmulator;
let adminKey: string;
beforeEach(async () => {
  emu = await startAnthropicAdminEmulator({ now: NOW, seed: 7 });
  adminKey = emu.addAdminKey().value;
});
afterEach(() => emu.close());

/** One key of each problem Anthropic can show, a clean key and a revoked one. */
function seedOrg() {
  const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
  const bob = emu.addUser({ name: 'Bob', email: 'bob@example.com' });
  const prod = emu.addWorkspace({ name: 'prod' });
  const key = (name: string, days: number, by = alice.id, usedDaysAgo?: number) => {
    const k = emu.addKey({ name, createdBy: by, workspaceId: prod.id, createdAt: ago(days) });
    if (usedDaysAgo !== undefined)
      emu.recordUsage(k.id, ago(usedDaysAgo).toISOString(), { inputTokens: 800, outputTokens: 200 });
    return k;
  };
  const keys = {
    clean: key('clean', 10, alice.id, 1),
    overdue: key('overdue', 120, alice.id, 2),
    unused: key('unused', 45),
    orphaned: key('orphaned', 10, bob.id, 1),
    spike: key('spike', 30, alice.id, 20),
    revoked: emu.addKey({
      name: 'revoked',
      createdBy: alice.id,
      workspaceId: prod.id,
      createdAt: ago(400),
      status: 'inactive',
    }),
  };
  // Idle for the week, then 250,000 tokens in the last hour.
  emu.recordUsage(keys.spike.id, new Date(NOW.getTime() - 20 * 60_000).toISOString(), {
    inputTokens: 200_000,
    outputTokens: 50_000,
  });
  emu.removeUser(bob.id);
  return { keys, prod };
}

const audit = (args: string[], env: Record<string, string> = {}) =>
  runAuditCli(['audit', 'anthropic', ...args], {
    now: NOW,
    env: { ANTHROPIC_ADMIN_KEY: adminKey, ANTHROPIC_BASE_URL: emu.url, ...env },
  });

function expectNoAdminKey(run: AuditRun, ...more: string[]): void {
  for (const text of [run.stdout, run.stderr, ...more]) expect(text).not.toContain(adminKey);
}

describe('key-hygiene audit anthropic', () => {
  it('finds exactly the seeded problems, with the fields of the JSON document; exit 1', async () => {
    const { keys, prod } = seedOrg();
    const run = await audit(['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      version: 1,
      provider: 'anthropic',
      generatedAt: expect.stringMatching(/^2026-06-15T12:00/),
    });
    const found = doc.findings.map((f: { problem: string; keyName: string }) => `${f.keyName}:${f.problem}`).sort();
    expect(found).toEqual(['orphaned:orphaned', 'overdue:overdue', 'spike:usage-spike', 'unused:unused']);
    const overdue = doc.findings.find((f: { problem: string }) => f.problem === 'overdue');
    expect(overdue).toEqual({
      provider: 'anthropic',
      problem: 'overdue',
      keyId: keys.overdue.id,
      keyName: 'overdue',
      project: prod.id,
      projectName: 'prod',
      redacted: keys.overdue.redacted,
      owner: 'alice@example.com',
      createdAt: ago(120).toISOString(),
      lastUsedAt: expect.stringMatching(/^2026-06-1[34]T/),
      detail: expect.stringMatching(/^Created 120 days ago \(2026-02-15\), longer ago than rotate-every \(90 days\)/),
    });
    const unused = doc.findings.find((f: { problem: string }) => f.problem === 'unused');
    expect(unused).toMatchObject({ keyId: keys.unused.id, lastUsedAt: null });
    expect(unused.detail).toMatch(/^Never used in the 45 days since it was created/);
    const spike = doc.findings.find((f: { problem: string }) => f.problem === 'usage-spike');
    expect(spike.detail).toMatch(
      /^In the last hour it used 250,000 tokens, against a trailing-week mean of 0 tokens an hour/,
    );
    expectNoAdminKey(run);
  });

  it('text: one table per workspace, then the findings; SARIF: a result per finding; neither holds the admin key', async () => {
    seedOrg();
    const text = await audit([]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^Anthropic provider audit at 2026-06-15T12:00:\d\d\.\d{3}Z: 6 keys, 4 findings$/m);
    expect(text.stdout).toMatch(/^Project prod \(wrkspc_\w+\)$/m);
    expect(text.stdout).toMatch(/^ {2}Key +Owner +Created +Last used +Status +What to do$/m);
    expect(text.stdout).toMatch(
      /^ {2}orphaned \(apikey_\w+\) .* active, owner lost access +delete \(owner lost access\)$/m,
    );
    expect(text.stdout).toMatch(/^ {2}revoked \(apikey_\w+\) .* inactive +—$/m);
    const dir = mkdtempSync(join(tmpdir(), 'kh-sarif-'));
    const sarif = await audit(['--format', 'sarif', '--output', join(dir, 'audit.sarif')]);
    expect(sarif.code).toBe(1);
    expect(sarif.stdout).toBe('');
    const log = readFileSync(join(dir, 'audit.sarif'), 'utf8');
    expect(
      JSON.parse(log)
        .runs[0].results.map((r: { ruleId: string }) => r.ruleId)
        .sort(),
    ).toEqual(['orphaned', 'overdue', 'unused', 'usage-spike']);
    expectNoAdminKey(text, log);
    expectNoAdminKey(sarif);
  });

  it('a clean organisation exits 0', async () => {
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const k = emu.addKey({ name: 'fresh', createdBy: alice.id, createdAt: ago(5) });
    emu.recordUsage(k.id, ago(1).toISOString(), { inputTokens: 10, outputTokens: 10 });
    const run = await audit(['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });

  it('the policy’s providers section is honoured (.github/key-hygiene.yml, or --config)', async () => {
    seedOrg();
    const repo = mkdtempSync(join(tmpdir(), 'kh-audit-repo-'));
    mkdirSync(join(repo, '.github'));
    writeFileSync(
      join(repo, '.github/key-hygiene.yml'),
      'providers:\n  anthropic:\n    rotate-every: 200d\n    unused-after: 60d\n',
    );
    const run = await runAuditCli(['audit', 'anthropic', '--format', 'json'], {
      now: NOW,
      cwd: repo,
      env: { ANTHROPIC_ADMIN_KEY: adminKey, ANTHROPIC_BASE_URL: emu.url },
    });
    expect(run.code).toBe(1);
    expect(
      JSON.parse(run.stdout)
        .findings.map((f: { problem: string }) => f.problem)
        .sort(),
    ).toEqual(['orphaned', 'usage-spike']);
    const bad = await audit(['--config', join(repo, 'nope.yml')]);
    expect(bad.code).toBe(2);
  });

  it('a refused admin key: exit 2, one line naming the variable and the status, never the key', async () => {
    seedOrg();
    const wrong = `${adminKey.slice(0, -6)}XXXXXX`;
    const run = await audit([], { ANTHROPIC_ADMIN_KEY: wrong });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^key-hygiene: Anthropic Admin API \(ANTHROPIC_ADMIN_KEY\): 401 /);
    expect(run.stderr).not.toContain(wrong);
    expectNoAdminKey(run);
  });

  it('no admin key: exit 2, one line naming the variable', async () => {
    const run = await audit([], { ANTHROPIC_ADMIN_KEY: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      "key-hygiene: ANTHROPIC_ADMIN_KEY is empty: set it to an Anthropic admin key to audit Anthropic's keys\n",
    );
  });

  it('held keys: the active keys no environment holds are listed as candidates to delete', async () => {
    const { keys } = seedOrg();
    const dir = mkdtempSync(join(tmpdir(), 'kh-held-'));
    writeFileSync(
      join(dir, 'held.txt'),
      `# from the verify jobs\n${keys.clean.id}\n${keys.overdue.id}, ${keys.spike.id}\n`,
    );
    const run = await audit(['--format', 'json', '--held-keys', join(dir, 'held.txt')]);
    expect(
      JSON.parse(run.stdout)
        .notHeld.map((k: { keyName: string }) => k.keyName)
        .sort(),
    ).toEqual(['orphaned', 'unused']);
  });
});
