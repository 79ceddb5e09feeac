import { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../../../app/settings.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { buildAppIfStale, spawnProbotRun } from '../../support/app-process.js';
import {
  ACTION,
  BRANCH,
  CONFIG,
  WORKFLOW,
  branchFile,
  createOnboardingWorld,
  pullsOf,
  pushBranch,
  startOnboardingApp,
} from '../support/onboarding-world.js';

// The onboarding workflow runs the Action from where the operator says it lives (KEY_HYGIENE_ACTION):
// nothing is published under a name we own, and whoever owns the repository a workflow names runs
// code in every repository that merges it.

describe('KEY_HYGIENE_ACTION', () => {
  it('is read as owner/repo@ref, with its page on the GitHub the App talks to; unset or empty, there is none', () => {
    expect(readSettings({ KEY_HYGIENE_ACTION: ` ${ACTION} ` }).onboardingAction).toEqual({
      owner: 'acme',
      repo: 'key-hygiene',
      ref: 'v0',
      home: 'https://github.com/acme/key-hygiene',
    });
    expect(readSettings({ KEY_HYGIENE_ACTION: ACTION, GHE_HOST: 'ghe.acme.internal' }).onboardingAction?.home).toBe(
      'https://ghe.acme.internal/acme/key-hygiene',
    );
    expect(
      readSettings({ KEY_HYGIENE_ACTION: ACTION, GITHUB_SERVER_URL: 'https://ghe.acme.internal' }).onboardingAction
        ?.home,
    ).toBe('https://ghe.acme.internal/acme/key-hygiene');
    expect('onboardingAction' in readSettings({})).toBe(false);
    expect('onboardingAction' in readSettings({ KEY_HYGIENE_ACTION: '' })).toBe(false);
  });

  it.each([
    ['acme/key-hygiene'],
    ['key-hygiene@v0'],
    ['https://github.com/acme/key-hygiene'],
    ['acme/key-hygiene@v0\n  - run: curl x'],
  ])('refuses %j in one line that quotes it', (value) => {
    expect(() => readSettings({ KEY_HYGIENE_ACTION: value })).toThrow(
      `KEY_HYGIENE_ACTION is ${JSON.stringify(value)}: expected owner/repo@ref, where this repository is hosted and its tag, such as acme/key-hygiene@v0`,
    );
    expect(() => readSettings({ KEY_HYGIENE_ACTION: value })).toThrow(/^[^\n]*$/);
  });
});

describe('the App not told where the Action lives, or told it wrongly', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startOnboardingApp>>;

  beforeAll(async () => {
    buildAppIfStale();
    ({ gh, app, installation } = await createOnboardingWorld());
    running = await startOnboardingApp(gh, app, {});
  }, 90_000);
  afterAll(async () => {
    await running?.close();
    await gh?.close();
  });

  it('opens the pull request with the config alone, linking nowhere, and its description says how to add the workflow', async () => {
    expect((await running.sweep()).failed).toEqual([]);
    expect(pullsOf(gh, 'acme/svc')).toMatchObject([{ title: 'Configure Key Hygiene', head: BRANCH, state: 'open' }]);
    expect(branchFile(gh, 'acme/svc', BRANCH, WORKFLOW)).toBeUndefined();
    // Not even tried: no workflow file was sent to GitHub.
    expect(
      gh.log.entries
        .filter((e) => e.route === 'PUT /repos/{owner}/{repo}/contents/{path}')
        .map((e) => decodeURIComponent(e.path)),
    ).toEqual(['/repos/acme/svc/contents/.github/key-hygiene.yml']);
    const config = branchFile(gh, 'acme/svc', BRANCH, CONFIG) ?? '';
    expect(config).toContain('OPENAI_API_KEY');
    expect(config).not.toMatch(/https?:\/\//);
    const body = pullsOf(gh, 'acme/svc')[0]!.body;
    expect(body).toContain(
      'This branch has no `.github/workflows/key-hygiene.yml`, so pushes are not checked by the Action: the App was not told where your organisation hosts the Key Hygiene Action (its `KEY_HYGIENE_ACTION` setting).',
    );
    expect(body).toContain('      - uses: <owner>/key-hygiene@v0\n');
    expect(body).not.toMatch(/https?:\/\//);
    expect(body).not.toContain('key-hygiene/key-hygiene');
  });

  it('a push to the branch renders the same description: nothing is rewritten', async () => {
    const patches = () =>
      gh.log.entries.filter((e) => e.route === 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}').length;
    const before = patches();
    expect((await pushBranch(gh, running.url, installation.id, 'acme/svc', 'untouched')).status).toBe(200);
    expect(patches()).toBe(before);
  });

  it('the real server refuses to start with a malformed KEY_HYGIENE_ACTION: exit 1 and one line naming the variable and quoting the value', async () => {
    const env = {
      APP_ID: String(app.id),
      PRIVATE_KEY: app.privateKey,
      GHE_HOST: gh.host,
      GHE_PROTOCOL: 'http',
      WEBHOOK_SECRET: app.webhookSecret,
    };
    const server = spawnProbotRun({
      ...env,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      KEY_HYGIENE_SWEEP_EVERY: 'off',
      KEY_HYGIENE_ACTION: 'key-hygiene/key-hygiene',
    });
    const code = await Promise.race([
      server.exited,
      new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000)),
    ]);
    await server.stop();
    expect(code, server.output.join('')).toBe(1);
    expect(server.output.join('').trim().split('\n')).toEqual([
      'key-hygiene-app: KEY_HYGIENE_ACTION is "key-hygiene/key-hygiene": expected owner/repo@ref, where this repository is hosted and its tag, such as acme/key-hygiene@v0',
    ]);
  }, 60_000);
});

describe('a branch an older version left with a workflow naming key-hygiene/key-hygiene', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let running: Awaited<ReturnType<typeof startOnboardingApp>>;

  beforeAll(async () => {
    ({ gh, app } = await createOnboardingWorld());
    // What a sweep of the old version wrote before it stopped half-way: the branch and its workflow, no pull request yet.
    const octokit = new Octokit({
      auth: gh.seed.workflowToken('acme/svc', { contents: 'write', workflows: 'write' }),
      baseUrl: gh.url,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const { data: main } = await octokit.rest.git.getRef({ owner: 'acme', repo: 'svc', ref: 'heads/main' });
    await octokit.rest.git.createRef({ owner: 'acme', repo: 'svc', ref: `refs/heads/${BRANCH}`, sha: main.object.sha });
    const old =
      'name: Key Hygiene\non: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: key-hygiene/key-hygiene@v0\n';
    await octokit.rest.repos.createOrUpdateFileContents({
      owner: 'acme',
      repo: 'svc',
      path: WORKFLOW,
      branch: BRANCH,
      message: 'Run Key Hygiene on pushes and pull requests',
      content: Buffer.from(old).toString('base64'),
    });
    running = await startOnboardingApp(gh, app);
  }, 90_000);
  afterAll(async () => {
    await running?.close();
    await gh?.close();
  });

  it("leaves the file as it is, and the description says what it runs and that it is not this App's Action", async () => {
    expect((await running.sweep()).failed).toEqual([]);
    expect(branchFile(gh, 'acme/svc', BRANCH, WORKFLOW)).toContain('uses: key-hygiene/key-hygiene@v0');
    const body = pullsOf(gh, 'acme/svc')[0]!.body;
    expect(body).toContain('runs `key-hygiene/key-hygiene@v0` with');
    expect(body).toContain(
      `⚠️ This App runs the Action from \`${ACTION}\`; the workflow on this branch names \`key-hygiene/key-hygiene@v0\` instead.`,
    );
  });
});
