import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestRepos, type TestRepo } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { runAction, runActionAsync, type ActionRun } from '../../support/run-action.js';
import { runCli } from '../../support/run-cli.js';
import { examplePayload, sarifOf } from '../scan/support.js';

// The Action's `fingerprint-key` input, filled from a repository secret: scan fingerprints and
// baselines are keyed with it as the CLI's KEY_HYGIENE_FINGERPRINT_KEY keys them, and verify's
// fingerprints too — where without it they are keyed with the public repository id.

const newRepo = useTestRepos();
const KEY_A = 'c'.repeat(8) + '5d0e8a4b19f2c7e3';
const KEY_B = 'd'.repeat(8) + '5d0e8a4b19f2c7e3';
// Built here, not written whole: the repository must scan itself clean.
const PASSWORD = ['Sum', 'mer', '2023', '!x'].join('');

/** A checked-out repository with a password in a URL, and a baseline of it made by the CLI under `cliKey`. */
function workspaceWithBaseline(cliKey: string | undefined): TestRepo {
  const repo = newRepo();
  repo.write('.gitignore', '.env*\n');
  repo.write('deploy/config.ini', `DATABASE_URL=postgres://app:${PASSWORD}@db.internal:5432/app\n`);
  repo.commit('config');
  const made = runCli(['baseline', '.'], {
    cwd: repo.root,
    env: { ...repo.env, ...(cliKey && { KEY_HYGIENE_FINGERPRINT_KEY: cliKey }) },
  });
  expect(made.code, made.stderr).toBe(0);
  repo.write('baseline.json', made.stdout);
  return repo;
}

const scan = (repo: TestRepo, inputs: Record<string, string>): ActionRun =>
  runAction({
    workspace: repo.root,
    eventName: 'schedule',
    payload: { schedule: '17 3 * * *', repository: examplePayload('push').repository },
    inputs: { baseline: 'baseline.json', ...inputs },
  });

/** The log a reader sees: the runner consumes `::add-mask::` commands. */
const log = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

/** The step failed with this one line, as its only annotation. */
function expectFailedWith(run: ActionRun, pattern: RegExp): void {
  expect(run.code, run.stdout + run.stderr).toBe(1);
  expect(run.annotations.map((a) => a.message)).toEqual([expect.stringMatching(pattern)]);
  expect(run.annotations[0]!.message).not.toContain('\n');
}

describe('mode: scan with fingerprint-key', () => {
  it('a baseline the CLI made under the same key accepts its finding; SARIF holds the keyed fingerprint', () => {
    const repo = workspaceWithBaseline(KEY_A);
    const run = scan(repo, { 'fingerprint-key': KEY_A });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.masked).toContain(KEY_A);
    const baselined = JSON.parse(readFileSync(join(repo.root, 'baseline.json'), 'utf8'));
    const unfiltered = scan(repo, { 'fingerprint-key': KEY_A, baseline: '', 'fail-on': 'never' });
    const sarif = JSON.parse(sarifOf(repo.root));
    expect(unfiltered.outputs.findings).toBe('1');
    expect(
      sarif.runs[0].results.map(
        (r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0],
      ),
    ).toEqual([baselined.findings[0].fingerprint]);
    for (const text of [log(run), run.summary, log(unfiltered), JSON.stringify(sarif)])
      expect(text).not.toContain(KEY_A);
  });

  it('a baseline made under another key, or none, fails the step with one line instead of reporting everything as new', () => {
    expectFailedWith(
      scan(workspaceWithBaseline(KEY_A), { 'fingerprint-key': KEY_B }),
      /\/baseline\.json was made with another fingerprint key/,
    );
    expectFailedWith(
      scan(workspaceWithBaseline(KEY_A), {}),
      /\/baseline\.json was made with a fingerprint key, but this scan has none: set the same key/,
    );
    expectFailedWith(
      scan(workspaceWithBaseline(undefined), { 'fingerprint-key': KEY_A }),
      /\/baseline\.json was made without a fingerprint key, but this scan has one/,
    );
    const unkeyed = scan(workspaceWithBaseline(undefined), {});
    expect(unkeyed.code, unkeyed.stdout).toBe(0);
  });

  it('refuses a short fingerprint-key without quoting it', () => {
    const run = scan(workspaceWithBaseline(undefined), { 'fingerprint-key': 'letmein' });
    expectFailedWith(run, /^input 'fingerprint-key' holds 7 characters: use at least 16 random ones/);
    expect(
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain('letmein');
  });
});

describe('mode: verify and compare with fingerprint-key', () => {
  const verify = (key: string, inputs: Record<string, string> = {}) =>
    runActionAsync({
      workspace: newRepo().root,
      eventName: 'push',
      payload: {},
      inputs: { mode: 'verify', secret: 'OPENAI_API_KEY', provider: 'openai', ...inputs },
      env: { GITHUB_REPOSITORY_ID: '777', OPENAI_API_KEY: key },
    });

  it('keys the fingerprint with the input, not the public repository id, and says so when it cannot', async () => {
    const key = makeKey('openai-project-key', 41);
    const byId = await verify(key);
    const keyedA = await verify(key, { 'fingerprint-key': KEY_A });
    const keyedA2 = await verify(key, { 'fingerprint-key': KEY_A });
    const keyedB = await verify(key, { 'fingerprint-key': KEY_B });
    for (const run of [byId, keyedA, keyedB]) expect(run.outputs.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(keyedA2.outputs.fingerprint).toBe(keyedA.outputs.fingerprint);
    expect(new Set([byId, keyedA, keyedB].map((r) => r.outputs.fingerprint)).size).toBe(3);
    expect(byId.summary).toContain('The fingerprint is keyed with the repository id, which is public');
    expect(keyedA.summary).not.toContain('repository id');
    expect(keyedA.masked).toContain(KEY_A);
    for (const run of [keyedA, keyedB])
      expect(log(run) + run.summary).not.toMatch(new RegExp(`${KEY_A}|${KEY_B}|${key}`));
  });

  it('compare still finds one key in two environments when every verify step has the key', async () => {
    const shared = makeKey('openai-project-key', 42);
    const needs: Record<string, unknown> = {};
    for (const [job, key] of [
      ['verify-staging', shared],
      ['verify-production', shared],
      ['verify-development', makeKey('openai-project-key', 43)],
    ] as const) {
      const run = await verify(key, { 'fingerprint-key': KEY_A });
      expect(run.code).toBe(0);
      needs[job] = { result: 'success', outputs: { fingerprint: run.outputs.fingerprint } };
    }
    const compared = await runActionAsync({
      workspace: newRepo().root,
      eventName: 'push',
      payload: {},
      inputs: { mode: 'compare', fingerprints: JSON.stringify(needs) },
    });
    expect(compared.code).toBe(1);
    expect(compared.annotations[0]!.message).toMatch(/^Jobs verify-staging, verify-production hold the same key/);
  });
});
