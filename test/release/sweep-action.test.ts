import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyMarker } from '../../src/tracking/key-marker.js';
import type { AppRecord, GitHubEmulator } from '../support/github-emulator/index.js';
import { createAppWorld } from '../app/support/app-world.js';

// The sweep action (sweep/action.yml) run as a runner runs it: its committed bundle, sweep/dist/index.js,
// with the inputs as INPUT_* and the runner's GITHUB_* variables, GITHUB_API_URL pointing at the
// GitHub emulator, where an org `acme` has installed the App (test/app/support/app-world.ts).

const BUNDLE = join(import.meta.dirname, '..', '..', 'sweep', 'dist', 'index.js');

let gh: GitHubEmulator;
let app: AppRecord;
let temp: string;
beforeAll(async () => {
  ({ gh, app } = await createAppWorld());
  temp = mkdtempSync(join(tmpdir(), 'kh-sweep-runner-'));
});
afterAll(async () => {
  await gh?.close();
  rmSync(temp, { recursive: true, force: true });
});

interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One step: `inputs` as the runner passes them (action.yml's defaults where none is given), `env` as the step's `env:`. */
async function runSweepStep(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepRun> {
  const summary = join(temp, 'summary');
  writeFileSync(summary, '');
  const withDefaults = { 'app-id': '', 'private-key': '', 'dry-run': 'false', ...inputs };
  const child = spawn(process.execPath, [BUNDLE], {
    cwd: temp,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...Object.fromEntries(
        Object.entries(withDefaults).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_REPOSITORY: 'acme/.github',
      GITHUB_SERVER_URL: gh.url,
      GITHUB_API_URL: gh.apiV3Url,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: temp,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  return { code, stdout, stderr };
}

/** acme/api's key issues, `SECRET labels`; its production environment holds a due-soon and an overdue key. */
const keyIssues = () =>
  gh.store.issues
    .filter((issue) => issue.repoId === gh.store.repo('acme', 'api')!.id && parseKeyMarker(issue.body))
    .map((issue) => `${parseKeyMarker(issue.body)!.secret} ${issue.labels.join(',')}`)
    .sort();

describe('uses: OWNER/key-hygiene/sweep@v0', () => {
  it('with dry-run: true, plans the stale-key issues and writes nothing (the App from APP_ID and PRIVATE_KEY in env:)', async () => {
    const run = await runSweepStep({ 'dry-run': 'true' }, { APP_ID: String(app.id), PRIVATE_KEY: app.privateKey });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^key-hygiene-app: swept 3 repositories in 1 installations, [1-9]\d* planned actions$/m);
    expect(run.code).toBe(0);
    expect(gh.store.issues).toEqual([]);
    expect(gh.store.comments).toEqual([]);
  }, 120_000);

  it('for real: opens one issue per stale key, from the app-id and private-key inputs', async () => {
    const run = await runSweepStep({ 'app-id': String(app.id), 'private-key': app.privateKey });
    expect(run.stdout).toMatch(/^key-hygiene-app: swept 3 repositories in 1 installations, [1-9]\d* applied actions$/m);
    expect(run.code).toBe(0);
    expect(keyIssues()).toEqual(['OPENAI_API_KEY key-hygiene,due-soon', 'STRIPE_API_KEY key-hygiene,overdue']);
    expect(run.stdout).not.toContain('::error::');
  }, 120_000);

  it('fails the step with one error annotation on a bad input or a missing App id', async () => {
    const bad = await runSweepStep({ 'dry-run': 'maybe' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('::error::input dry-run is "maybe": expected true or false');
    const missing = await runSweepStep({});
    expect(missing.code).toBe(2);
    expect(missing.stdout.trim()).toBe('::error::key-hygiene-app: APP_ID is "": expected the App\'s numeric id');
  }, 60_000);
});
