import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAiAdminEmulator, type OpenAiAdminEmulator } from '../../support/openai-admin-emulator.js';
import { runActionAsync, type ActionRun } from '../../support/run-action.js';
import { OPENAI_NOW, seedOpenAiOrg } from '../../audit/seed-openai-org.js';
import { clockAt } from './clock.js';

// `mode: audit` for OpenAI, run as a runner runs dist/index.js (`npm run bundle` first), against the
// Administration API emulator on 127.0.0.1, on the emulator's clock.

let emu: OpenAiAdminEmulator;
let workspace: string;
beforeEach(async () => {
  emu = await startOpenAiAdminEmulator({ now: OPENAI_NOW, seed: 5 });
  workspace = mkdtempSync(join(tmpdir(), 'kh-audit-action-'));
});
afterEach(async () => {
  await emu.close();
  rmSync(workspace, { recursive: true, force: true });
});

function audit(adminKey: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionAsync({
    workspace,
    eventName: 'schedule',
    payload: {},
    inputs: { mode: 'audit', provider: 'openai', ...inputs },
    // The base URL from the step's env, as the SDK reads it.
    env: { OPENAI_ADMIN_KEY: adminKey, OPENAI_BASE_URL: emu.url, RUNNER_TEMP: workspace, ...clockAt(OPENAI_NOW) },
  });
}

const logOf = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function expectNoKey(key: string, run: ActionRun, ...more: string[]): void {
  for (const text of [logOf(run), run.stderr, run.summary, JSON.stringify(run.outputs), ...more])
    expect(text).not.toContain(key);
}

describe('mode: audit (OpenAI)', () => {
  it('the bundle is dist/index.js alone: no lazily loaded chunk a commit of dist/ could leave behind', () => {
    const dist = readdirSync(new URL('../../../dist/', import.meta.url));
    expect(dist.filter((f) => /^\d+\.index\.js$/.test(f))).toEqual([]);
  });

  it('one key of each problem: the summary’s table, the JSON report, the annotations; fails', async () => {
    const { adminKey, keys, project } = seedOpenAiOrg(emu);
    const run = await audit(adminKey.value);
    expect(run.code).toBe(1);
    expect(run.masked).toContain(adminKey.value);
    expect(run.outputs.findings).toBe('5');
    const report = readFileSync(run.outputs.report!, 'utf8');
    const doc = JSON.parse(report);
    expect(doc).toMatchObject({ version: 1, provider: 'openai' });
    expect(doc.findings.map((f: { keyId: string; problem: string }) => `${f.keyId}:${f.problem}`).sort()).toEqual(
      [
        `${keys.overdue.id}:overdue`,
        `${keys.unused.id}:unused`,
        `${keys.orphaned.id}:orphaned`,
        `${keys.spike.id}:usage-spike`,
        `${keys.oldAdmin.id}:no-expiry`,
      ].sort(),
    );
    expect(run.summary).toContain(`### Project web \`${project.id}\``);
    expect(run.summary).toContain('### Keys outside any project (admin keys)');
    expect(run.summary).toMatch(
      /^\| overdue `key_\w+` \| alice@\u200bexample\.com \| 2025-04-27 \| 2026-06-01 \| active \| rotate \|$/m,
    );
    expect(run.summary).toMatch(
      /^- \*\*usage-spike\*\*: spike `key_\w+` in web — In the last hour it made 900 requests/m,
    );
    const titled = run.annotations.filter((a) => a.properties.title);
    expect(titled.map((a) => `${a.level}:${a.properties.title!.split(':')[0]}`).sort()).toEqual([
      'error:orphaned',
      'error:overdue',
      'error:usage-spike',
      'warning:no-expiry',
      'warning:unused',
    ]);
    expectNoKey(adminKey.value, run, report);
  });

  it('fail-on: warning fails on an unused key alone, fail-on: error does not', async () => {
    const adminKey = emu.addAdminKey({ name: 'audit', expiresAt: { daysAgo: -30 } });
    const project = emu.addProject({ name: 'web' });
    const alice = emu.addUser(project.id, { name: 'Alice', email: 'alice@example.com' });
    emu.addKey(project.id, { name: 'idle', owner: alice.id, createdAt: { daysAgo: 40 }, lastUsedAt: null });
    const error = await audit(adminKey.value);
    expect(error.code).toBe(0);
    expect(error.outputs.findings).toBe('1');
    const warning = await audit(adminKey.value, { 'fail-on': 'warning' });
    expect(warning.code).toBe(1);
  });

  it('held keys: the active keys no environment holds are listed in the summary and the report', async () => {
    const { adminKey, keys } = seedOpenAiOrg(emu);
    const run = await audit(adminKey.value, {
      'held-keys': `${keys.clean.id}\n${keys.botClean.id}\n${keys.overdue.id}`,
    });
    const doc = JSON.parse(readFileSync(run.outputs.report!, 'utf8'));
    expect(doc.notHeld.map((k: { keyName: string }) => k.keyName).sort()).toEqual(['orphaned', 'spike', 'unused']);
    expect(run.summary).toContain('### Active keys no environment holds (candidates to delete)');
  });

  it('usage that cannot be read: the inventory’s findings stand and the step fails saying why', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    emu.failNext('/organization/usage', { status: 403, times: 50 });
    const run = await audit(adminKey.value, { 'fail-on': 'error' });
    expect(run.code).toBe(1);
    expect(run.outputs.findings).toBe('4');
    expect(run.summary).toMatch(/^> Usage not read, so no usage spike was judged: .*403/m);
    expect(run.annotations.map((a) => a.message)).toContainEqual(
      expect.stringMatching(/^OpenAI usage not read, so no usage spike was judged: .*OPENAI_ADMIN_KEY.*403/),
    );
    expectNoKey(adminKey.value, run);
  });

  it('a refused admin key fails the step with one line naming the variable and the status', async () => {
    const { adminKey } = seedOpenAiOrg(emu);
    const wrong = `${adminKey.value.slice(0, -6)}XXXXXX`;
    const run = await audit(wrong);
    expect(run.code).toBe(1);
    expect(run.outputs.findings).toBe('0');
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/OPENAI_ADMIN_KEY.*401/);
    expectNoKey(wrong, run);
    expectNoKey(adminKey.value, run);
  });
});
