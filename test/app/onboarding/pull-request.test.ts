import { Octokit } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import {
  ACTION,
  BRANCH,
  CONFIG,
  WORKFLOW,
  branchConfig,
  branchFile,
  createOnboardingWorld,
  pullsOf,
  pushBranch,
  startOnboardingApp,
} from '../support/onboarding-world.js';

// Onboarding: the pull request is opened once and respected when closed — the real Probot
// app against the emulator, sweeps on the emulator's clock, signed push deliveries.
describe('onboarding PR opened once and respected when closed', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startOnboardingApp>>;
  const svc = () => pullsOf(gh, 'acme/svc');
  const routeCount = (route: string) => gh.log.entries.filter((e) => e.route === route).length;
  const edit = async (text: string) => {
    // A developer's edit on the branch, through the contents API with a job's token.
    const octokit = new Octokit({
      auth: gh.seed.workflowToken('acme/svc', { contents: 'write' }),
      baseUrl: gh.url,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    const { data } = await octokit.rest.repos.getContent({ owner: 'acme', repo: 'svc', path: CONFIG, ref: BRANCH });
    const sha = Array.isArray(data) ? '' : data.sha;
    await octokit.rest.repos.createOrUpdateFileContents({
      owner: 'acme',
      repo: 'svc',
      path: CONFIG,
      branch: BRANCH,
      message: 'Tune the policy',
      content: Buffer.from(text).toString('base64'),
      sha,
    });
  };

  beforeAll(async () => {
    ({ gh, app, installation } = await createOnboardingWorld());
    running = await startOnboardingApp(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('opens one "Configure Key Hygiene" PR with the config, prefilled from the environments and secrets, and the workflow running KEY_HYGIENE_ACTION', async () => {
    expect((await running.sweep()).failed).toEqual([]);
    expect(svc()).toMatchObject([
      { title: 'Configure Key Hygiene', head: BRANCH, base: 'main', state: 'open', user: 'key-hygiene[bot]' },
    ]);
    const config = branchConfig(gh, 'acme/svc');
    expect(config._extends).toBe('.github');
    expect(
      config.keys.map((k) => ({
        secret: k.secret,
        provider: k.provider,
        environments: [...k.environments].sort(),
        every: k['rotate-every'],
      })),
    ).toEqual([
      { secret: 'OPENAI_API_KEY', provider: 'openai', environments: ['production', 'staging'], every: '60d' },
      { secret: 'STRIPE_SECRET', provider: 'stripe', environments: [], every: '60d' },
    ]);
    const workflow = branchFile(gh, 'acme/svc', BRANCH, WORKFLOW) ?? '';
    expect(workflow).toContain(`      - uses: ${ACTION}\n`);
    // Every link goes to the repository the operator named, and to no other.
    expect(workflow).toContain('https://github.com/acme/key-hygiene#use-the-action');
    expect(branchFile(gh, 'acme/svc', BRANCH, CONFIG)).toContain(
      '# Every field: https://github.com/acme/key-hygiene#suppressing-a-finding',
    );
    for (const text of [workflow, branchFile(gh, 'acme/svc', BRANCH, CONFIG)!])
      expect(
        text.match(/https?:\/\/\S+/g)!.every((url) => url.startsWith('https://github.com/acme/key-hygiene#')),
      ).toBe(true);
    const body = svc()[0]!.body;
    expect(body).toContain(`runs \`${ACTION}\` with`);
    expect(body).toContain('| `OPENAI_API_KEY` | `openai` |');
    expect(body).toContain('### What the Action checks');
    // Nothing on the default branch until someone merges.
    expect(gh.store.repo('acme', 'svc')!.files.has(CONFIG)).toBe(false);
  });

  it('leaves repositories with their own config alone, and the org .github repository too', () => {
    expect(pullsOf(gh, 'acme/configured')).toEqual([]);
    expect(pullsOf(gh, 'acme/.github')).toEqual([]);
  });

  it('opens nothing more on a second sweep, nor after a restart a day later', async () => {
    const before = routeCount('POST /repos/{owner}/{repo}/pulls');
    await running.sweep();
    await running.close();
    gh.clock.advance(DAY);
    running = await startOnboardingApp(gh, app);
    expect((await running.sweep()).failed).toEqual([]);
    expect(svc()).toHaveLength(1);
    expect(routeCount('POST /repos/{owner}/{repo}/pulls')).toBe(before);
  });

  it('re-renders the description when the config on the branch is edited, and only when it changed', async () => {
    // The description the sweep wrote is the one a push renders: an untouched branch changes nothing.
    const untouched = routeCount('PATCH /repos/{owner}/{repo}/pulls/{pull_number}');
    expect((await pushBranch(gh, running.url, installation.id, 'acme/svc', 'untouched')).status).toBe(200);
    expect(routeCount('PATCH /repos/{owner}/{repo}/pulls/{pull_number}')).toBe(untouched);
    await edit(
      '_extends: .github\nkeys:\n  - secret: OPENAI_API_KEY\n    provider: openai\n    environments: [production]\n    rotate-every: 30d\n',
    );
    expect((await pushBranch(gh, running.url, installation.id, 'acme/svc', 'edit-1')).status).toBe(200);
    const body = svc()[0]!.body;
    expect(body).toContain('| `OPENAI_API_KEY` | `openai` | `production` | 30d | 14d |');
    expect(body).not.toContain('STRIPE_SECRET');
    const patches = routeCount('PATCH /repos/{owner}/{repo}/pulls/{pull_number}');
    await pushBranch(gh, running.url, installation.id, 'acme/svc', 'edit-1-again');
    expect(routeCount('PATCH /repos/{owner}/{repo}/pulls/{pull_number}')).toBe(patches);
  });

  it('shows the field and value of a broken config instead of the plan', async () => {
    await edit('keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: soon\n');
    await pushBranch(gh, running.url, installation.id, 'acme/svc', 'edit-2');
    const body = svc()[0]!.body;
    expect(body).toContain('The config on this branch cannot be used');
    expect(body).toContain('field \'keys.0.rotate-every\' is "soon": expected a duration');
    expect(body).not.toContain('### What the App will do');
  });

  it('closed without merging: no sweep opens it again, even after a restart', async () => {
    const octokit = new Octokit({
      auth: gh.seed.workflowToken('acme/svc', { pull_requests: 'write' }),
      baseUrl: gh.url,
      throttle: { enabled: false },
      retry: { enabled: false },
    });
    await octokit.rest.pulls.update({ owner: 'acme', repo: 'svc', pull_number: svc()[0]!.number, state: 'closed' });
    await running.sweep();
    await running.close();
    gh.clock.advance(DAY);
    running = await startOnboardingApp(gh, app);
    await running.sweep();
    expect(svc().map((p) => [p.state, p.mergedAt])).toEqual([['closed', null]]);
  });
});
