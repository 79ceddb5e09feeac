import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botLoginOf } from '../../../app/github/bot-login.js';
import { sweepInstallation } from '../../../app/sweep/sweep-installation.js';
import { createRepoLock } from '../../../app/repo/with-repo-lock.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { readSettings } from '../../../app/settings.js';
import {
  ACTION,
  BRANCH,
  CONFIG,
  ONBOARDING_PERMISSIONS,
  WORKFLOW,
  branchFile,
  createOnboardingWorld,
  pullsOf,
  seedServiceRepo,
  startOnboardingApp,
} from '../support/onboarding-world.js';

// Onboarding, the edges: two app processes at once, onboarding off by default, an App
// without the Workflows permission, dry-run, the content budget, and a merged pull request.
describe('onboarding pull request, edge cases', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startOnboardingApp>>;
  const branches = (fullName: string) =>
    gh.store.branches.filter((b) => b.repoId === gh.store.repo(...(fullName.split('/') as [string, string]))!.id);

  beforeAll(async () => {
    ({ gh, app, installation } = await createOnboardingWorld());
    // beta asks for onboarding but never granted the Workflows permission.
    const { workflows: _, ...noWorkflows } = ONBOARDING_PERMISSIONS;
    gh.seed.repo({ fullName: 'beta/.github', files: { [CONFIG]: 'onboarding: pull-request\n' } });
    seedServiceRepo(gh, 'beta/svc');
    gh.seed.installation({ account: 'beta', permissions: noWorkflows });
    // gamma has a policy without `onboarding`: off by default.
    gh.seed.repo({ fullName: 'gamma/.github', files: { [CONFIG]: 'rotate-every: 30d\n' } });
    seedServiceRepo(gh, 'gamma/svc');
    gh.seed.installation({ account: 'gamma', permissions: { ...ONBOARDING_PERMISSIONS } });
    running = await startOnboardingApp(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('two app processes sweeping at the same moment open one pull request', async () => {
    const first = await startOnboardingApp(gh, app, undefined, { lock: createRepoLock() });
    const second = await startOnboardingApp(gh, app, undefined, { lock: createRepoLock() });
    try {
      const results = await Promise.all([first.sweep(), second.sweep()]);
      expect(results.flatMap((r) => r.failed)).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close()]);
    }
    expect(pullsOf(gh, 'acme/svc').map((p) => [p.title, p.state])).toEqual([['Configure Key Hygiene', 'open']]);
    expect(branches('acme/svc').map((b) => b.name)).toEqual([BRANCH]);
    expect(branchFile(gh, 'acme/svc', BRANCH, WORKFLOW)).toBeDefined();
    // Both get this far (the race is real); GitHub's one-open-pull-request rule answers the later one 422.
    const opened = gh.log.entries
      .filter((e) => e.route === 'POST /repos/{owner}/{repo}/pulls' && e.path.startsWith('/repos/acme/svc/'))
      .map((e) => e.status);
    expect(opened.filter((status) => status === 201)).toHaveLength(1);
    expect(opened.every((status) => status === 201 || status === 422)).toBe(true);
  });

  it('is off by default: a policy without `onboarding` opens nothing', () => {
    expect(pullsOf(gh, 'gamma/svc')).toEqual([]);
    expect(branches('gamma/svc')).toEqual([]);
  });

  it('without the Workflows permission, adds the config alone and says how to add the workflow', () => {
    expect(pullsOf(gh, 'beta/svc')).toHaveLength(1);
    expect(branchFile(gh, 'beta/svc', BRANCH, CONFIG)).toContain('OPENAI_API_KEY');
    expect(branchFile(gh, 'beta/svc', BRANCH, WORKFLOW)).toBeUndefined();
    const body = pullsOf(gh, 'beta/svc')[0]!.body;
    expect(body).toContain(
      'This branch has no `.github/workflows/key-hygiene.yml`, so pushes are not checked by the Action (the App needs the Workflows permission to add one)',
    );
    expect(body).toContain(`      - uses: ${ACTION}\n`);
    const refused = gh.log.entries.find(
      (e) => e.route === 'PUT /repos/{owner}/{repo}/contents/{path}' && e.status === 403,
    );
    expect(refused?.path).toContain('workflows');
  });

  it('dry-run logs and writes nothing', async () => {
    seedServiceRepo(gh, 'acme/dry');
    await running.sweep({ dryRun: true });
    expect(pullsOf(gh, 'acme/dry')).toEqual([]);
    expect(branches('acme/dry')).toEqual([]);
  });

  it('waits for the next sweep when the content budget cannot pay for it', async () => {
    seedServiceRepo(gh, 'acme/later');
    await running.sweep({ maxContentPerSweep: 3 });
    expect(pullsOf(gh, 'acme/later')).toEqual([]);
    await running.sweep();
    expect(pullsOf(gh, 'acme/later')).toHaveLength(1);
    expect(pullsOf(gh, 'acme/dry')).toHaveLength(1);
  });

  it('merged: the repository has its own config, and is never asked again', async () => {
    const [pull] = pullsOf(gh, 'acme/svc');
    gh.seed.mergePull('acme/svc', pull!.number, 'mona');
    expect(gh.store.repo('acme', 'svc')!.files.get(CONFIG)).toContain('_extends: .github');
    expect((await running.sweep()).failed).toEqual([]);
    expect(pullsOf(gh, 'acme/svc').map((p) => [p.state, p.mergedAt !== null])).toEqual([['closed', true]]);
  });

  it('a 422 that is not "A pull request already exists" is logged once with GitHub\'s reason, and nothing is remembered', async () => {
    seedServiceRepo(gh, 'acme/refused');
    gh.faults.inject({
      method: 'POST',
      route: '/repos/{owner}/{repo}/pulls',
      kind: 'status',
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [
          { resource: 'PullRequest', field: 'head', code: 'custom', message: `No commits between main and ${BRANCH}` },
        ],
        documentation_url: 'https://docs.github.com/rest/pulls/pulls#create-a-pull-request',
      },
    });
    const sweep = async () => {
      const lines: string[] = [];
      const result = await sweepInstallation({
        octokit: await running.probot.auth(installation.id),
        botLogin: await botLoginOf(running.probot),
        now: gh.clock.now(),
        dryRun: false,
        maxContent: 50,
        log: (line) => lines.push(line),
        only: ['acme/refused'],
        onboardingAction: readSettings({ KEY_HYGIENE_ACTION: ACTION }).onboardingAction,
      });
      expect(result.failed).toEqual([]);
      return lines.filter((line) => line.includes('Configure Key Hygiene') || line.includes('onboarding'));
    };
    expect(await sweep()).toEqual([
      `acme/refused: onboarding pull request not opened: GitHub answered 422: No commits between main and ${BRANCH}`,
    ]);
    expect(pullsOf(gh, 'acme/refused')).toEqual([]);
    // The next sweep tries again (GitHub's reason may be gone): here it is, and the pull request opens.
    expect(await sweep()).toEqual([expect.stringMatching(/^acme\/refused: "Configure Key Hygiene" opened as #\d+$/)]);
    expect(pullsOf(gh, 'acme/refused')).toHaveLength(1);
  });
});
