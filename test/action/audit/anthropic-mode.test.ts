import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAnthropicAdminEmulator, type AnthropicAdminEmulator } from '../../support/anthropic-admin-emulator.js';
import { runActionAsync, type ActionRun } from '../../support/run-action.js';
import { clockAt } from './clock.js';

// `mode: audit` for Anthropic, run as a runner runs dist/index.js (`npm run bundle` first), against the
// Admin API emulator on 127.0.0.1, on the emulator's clock.

const NOW = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let emu: AnthropicAdminEmulator;
let adminKey: string;
let workspace: string;
beforeEach(async () => {
  emu = await startAnthropicAdminEmulator({ now: NOW, seed: 9 });
  adminKey = emu.addAdminKey().value;
  workspace = mkdtempSync(join(tmpdir(), 'kh-audit-action-'));
});
afterEach(async () => {
  await emu.close();
  rmSync(workspace, { recursive: true, force: true });
});

const HOSTILE = 'evil\u001b]0;x\u0007 **bold** <img src=x> @octocat ::error::forged';

function seedOrg() {
  const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
  const mallory = emu.addUser({ name: HOSTILE, email: 'mallory@example.com' });
  const prod = emu.addWorkspace({ name: `prod ${HOSTILE}` });
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
    orphaned: key(`orphaned ${HOSTILE}`, 10, mallory.id, 1),
    spike: key('spike', 30, alice.id, 20),
  };
  emu.recordUsage(keys.spike.id, new Date(NOW.getTime() - 20 * 60_000).toISOString(), {
    inputTokens: 200_000,
    outputTokens: 50_000,
  });
  emu.removeUser(mallory.id);
  return keys;
}

function audit(inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<ActionRun> {
  return runActionAsync({
    workspace,
    eventName: 'schedule',
    payload: {},
    inputs: { mode: 'audit', provider: 'anthropic', 'base-url': emu.url, ...inputs },
    env: { ANTHROPIC_ADMIN_KEY: adminKey, RUNNER_TEMP: workspace, ...clockAt(NOW), ...env },
  });
}

/** The log without the `::add-mask::` lines, which hand the runner the values it must hide. */
const logOf = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

function expectNoAdminKey(run: ActionRun, key: string, ...more: string[]): void {
  for (const text of [logOf(run), run.stderr, run.summary, JSON.stringify(run.outputs), ...more])
    expect(text).not.toContain(key);
}

describe('mode: audit (Anthropic)', () => {
  it('the seeded problems: summary tables, JSON report, annotations, findings, and the step fails', async () => {
    const keys = seedOrg();
    const run = await audit();
    expect(run.masked).toContain(adminKey);
    expect(run.outputs.findings).toBe('4');
    const report = readFileSync(run.outputs.report!, 'utf8');
    const doc = JSON.parse(report);
    expect(doc.findings.map((f: { keyId: string; problem: string }) => `${f.keyId}:${f.problem}`).sort()).toEqual(
      [
        `${keys.orphaned.id}:orphaned`,
        `${keys.overdue.id}:overdue`,
        `${keys.spike.id}:usage-spike`,
        `${keys.unused.id}:unused`,
      ].sort(),
    );
    expect(run.summary).toMatch(/^## Key Hygiene: Anthropic provider audit$/m);
    expect(run.summary).toMatch(/^\| Key \| Owner \| Created \| Last used \| Status \| What to do \|$/m);
    expect(run.summary).toContain('| spike `');
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error' && a.properties.title);
    expect(errors.map((a) => a.properties.title?.split(':')[0]).sort()).toEqual(['orphaned', 'overdue', 'usage-spike']);
    expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.properties.title?.split(':')[0])).toEqual([
      'unused',
    ]);
    expect(run.annotations.at(-1)?.message).toMatch(/^4 provider key checks failed/);
    expectNoAdminKey(run, adminKey, report);
  });

  it('hostile names from the provider inject nothing into the summary or the log', async () => {
    seedOrg();
    const run = await audit();
    expect(run.summary).toContain('@\u200boctocat');
    for (const raw of ['<img', '@octocat', '\u001b', '\u0007']) expect(run.summary).not.toContain(raw);
    expect(run.summary).not.toMatch(/(^|[^\\])\*\*bold/);
    for (const raw of ['\u001b', '\u0007']) expect(run.stdout).not.toContain(raw);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error::forged'))).toEqual([]);
    for (const row of run.summary.split('\n').filter((l) => l.startsWith('| ')))
      expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });

  it('fail-on: never passes with findings; a clean organisation passes', async () => {
    seedOrg();
    const never = await audit({ 'fail-on': 'never' });
    expect(never.code).toBe(0);
    expect(never.outputs.findings).toBe('4');
    await emu.close();
    emu = await startAnthropicAdminEmulator({ now: NOW, seed: 10 });
    adminKey = emu.addAdminKey().value;
    const alice = emu.addUser({ name: 'Alice', email: 'alice@example.com' });
    const k = emu.addKey({ name: 'fresh', createdBy: alice.id, createdAt: ago(5) });
    emu.recordUsage(k.id, ago(1).toISOString(), { inputTokens: 10, outputTokens: 10 });
    const clean = await audit();
    expect(clean.code).toBe(0);
    expect(clean.outputs.findings).toBe('0');
  });

  it('a refused admin key fails the step with one line naming the variable and the status', async () => {
    seedOrg();
    const wrong = `${adminKey.slice(0, -6)}XXXXXX`;
    const run = await audit({}, { ANTHROPIC_ADMIN_KEY: wrong });
    expect(run.code).toBe(1);
    expect(run.outputs.findings).toBe('0');
    const [error, ...more] = run.annotations.filter((a) => a.level === 'error');
    expect(more).toEqual([]);
    expect(error!.message).toMatch(/^Anthropic Admin API \(ANTHROPIC_ADMIN_KEY\): 401 /);
    expect(run.masked).toContain(wrong);
    expectNoAdminKey(run, wrong);
  });

  it('no admin key in the env: one line naming the variable; a provider without an admin API is refused', async () => {
    const run = await audit({}, { ANTHROPIC_ADMIN_KEY: '' });
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      "environment variable ANTHROPIC_ADMIN_KEY is not set: pass the Anthropic admin key through the step's env: (env: { ANTHROPIC_ADMIN_KEY: ${{ secrets.ANTHROPIC_ADMIN_KEY }} })",
    ]);
    const stripe = await audit({ provider: 'stripe' });
    expect(stripe.annotations.map((a) => a.message)).toEqual([
      "input 'provider' is 'stripe': mode audit expects openai or anthropic",
    ]);
  });
});
