import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepoLock } from '../../app/sweep/with-repo-lock.js';
import type { AppRecord, GitHubEmulator } from '../support/github-emulator/index.js';
import { startAppWith } from './robust-world.js';
import { BRANCH, CONFIG, ONBOARDING_PERMISSIONS, WORKFLOW, branchFile, createOnboardingWorld, pullsOf, seedServiceRepo } from './onboarding-world.js';

// Issue 6, "Onboarding", the edges: two app processes at once, onboarding off by default, an App
// without the Workflows permission, dry-run, the content budget, and a merged pull request.
describe('onboarding pull request, edge cases', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  const branches = (fullName: string) => gh.store.branches.filter((b) => b.repoId === gh.store.repo(...(fullName.split('/') as [string, string]))!.id);

  beforeAll(async () => {
    ({ gh, app } = await createOnboardingWorld());
    // beta asks for onboarding but never granted the Workflows permission.
    const { workflows: _, ...noWorkflows } = ONBOARDING_PERMISSIONS;
    gh.seed.repo({ fullName: 'beta/.github', files: { [CONFIG]: 'onboarding: pull-request\n' } });
    seedServiceRepo(gh, 'beta/svc');
    gh.seed.installation({ account: 'beta', permissions: noWorkflows });
    // gamma has a policy without `onboarding`: off by default.
    gh.seed.repo({ fullName: 'gamma/.github', files: { [CONFIG]: 'rotate-every: 30d\n' } });
    seedServiceRepo(gh, 'gamma/svc');
    gh.seed.installation({ account: 'gamma', permissions: { ...ONBOARDING_PERMISSIONS } });
    running = await startAppWith(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('two app processes sweeping at the same moment open one pull request', async () => {
    const first = await startAppWith(gh, app, { lock: createRepoLock() });
    const second = await startAppWith(gh, app, { lock: createRepoLock() });
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
    const opened = gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/pulls' && e.path.startsWith('/repos/acme/svc/')).map((e) => e.status);
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
    expect(pullsOf(gh, 'beta/svc')[0]!.body).toContain('This branch has no `.github/workflows/key-hygiene.yml`');
    const refused = gh.log.entries.find((e) => e.route === 'PUT /repos/{owner}/{repo}/contents/{path}' && e.status === 403);
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
});
