import type { AppDeps } from '../../../app/deps.js';
import { readSettings } from '../../../app/settings.js';
import { parseConfig } from '../../../src/policy/parse-config.js';
import type {
  AppRecord,
  GitHubEmulator,
  InstallationRecord,
  Permissions,
  PullRecord,
} from '../../support/github-emulator/index.js';
import { startGitHubEmulator } from '../../support/github-emulator/index.js';
import { headShaOf } from '../../support/github-emulator/branches.js';
import { DAY } from './app-world.js';
import { PERMISSIONS, startAppWith } from './robust-world.js';

export const BRANCH = 'key-hygiene/configure';
export const CONFIG = '.github/key-hygiene.yml';
export const WORKFLOW = '.github/workflows/key-hygiene.yml';

/** Where the operator hosts the Action: the App's `KEY_HYGIENE_ACTION`, and what the onboarding workflow `uses:`. */
export const ACTION = 'acme/key-hygiene@v0';

/**
 * The app as robust-world.ts starts it, with settings read from `env` (by default `KEY_HYGIENE_ACTION`
 * set to {@link ACTION}) for its webhooks and its sweeps alike: a push renders the description the
 * sweep would.
 */
export async function startOnboardingApp(
  gh: GitHubEmulator,
  app: AppRecord,
  env: NodeJS.ProcessEnv = { KEY_HYGIENE_ACTION: ACTION },
  overrides: Partial<AppDeps> = {},
) {
  const settings = { ...readSettings(env), sweepEveryMs: 0 };
  const running = await startAppWith(gh, app, { settings, ...overrides });
  return {
    ...running,
    sweep: (more: Parameters<typeof running.sweep>[0] = {}) => running.sweep({ ...settings, ...more }),
  };
}

/** The sweep's read permissions, what onboarding writes with (app.yml), and checks for the push check run. */
export const ONBOARDING_PERMISSIONS: Permissions = {
  ...PERMISSIONS,
  contents: 'write',
  pull_requests: 'write',
  workflows: 'write',
  checks: 'write',
};

/**
 * Org `acme` asks for onboarding in its `.github` policy; `acme/svc` has environments and secrets but
 * no config of its own, `acme/configured` has one. Each test file seeds what else it needs.
 */
export async function createOnboardingWorld(): Promise<{
  gh: GitHubEmulator;
  app: AppRecord;
  installation: InstallationRecord;
}> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...ONBOARDING_PERMISSIONS }, events: ['push'] });
  gh.seed.repo({ fullName: 'acme/.github', files: { [CONFIG]: 'onboarding: pull-request\nrotate-every: 60d\n' } });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...ONBOARDING_PERMISSIONS } });
  seedServiceRepo(gh, 'acme/svc');
  gh.seed.repo({
    fullName: 'acme/configured',
    files: { 'README.md': '# configured\n', [CONFIG]: '_extends: .github\n' },
  });
  gh.seed.secret({ scope: 'repo', repo: 'acme/configured', name: 'OPENAI_API_KEY' });
  return { gh, app, installation };
}

/** A repository with a README, two environments, an OpenAI key in each, a repository key and a non-key secret. */
export function seedServiceRepo(gh: GitHubEmulator, fullName: string): void {
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  gh.seed.repo({ fullName, files: { 'README.md': '# service\n' } });
  for (const environment of ['staging', 'production']) {
    gh.seed.environment({ repo: fullName, name: environment });
    gh.seed.secret({ scope: 'environment', repo: fullName, environment, name: 'OPENAI_API_KEY', updatedAt: ago(10) });
  }
  gh.seed.secret({ scope: 'repo', repo: fullName, name: 'STRIPE_SECRET', updatedAt: ago(10) });
  gh.seed.secret({ scope: 'repo', repo: fullName, name: 'DEPLOY_REGION', updatedAt: ago(10) });
}

/** The pull requests of a repository, with their issue (title, body, state, author). */
export function pullsOf(
  gh: GitHubEmulator,
  fullName: string,
): Array<PullRecord & { title: string; body: string; state: string; user: string }> {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = gh.store.repo(owner, name)!;
  return gh.store.pulls
    .filter((p) => p.repoId === repo.id)
    .map((pull) => {
      const issue = gh.store.issue(repo.id, pull.number)!;
      return { ...pull, title: issue.title, body: issue.body ?? '', state: issue.state, user: issue.user };
    });
}

/** A file on a branch of a map-backed repository. */
export function branchFile(gh: GitHubEmulator, fullName: string, branch: string, path: string): string | undefined {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = gh.store.repo(owner, name)!;
  return gh.store.branches.find((b) => b.repoId === repo.id && b.name === branch)?.files.get(path);
}

/** The config on the onboarding branch, parsed with the shared schema. */
export const branchConfig = (gh: GitHubEmulator, fullName: string) =>
  parseConfig(branchFile(gh, fullName, BRANCH, CONFIG) ?? '');

/** A signed push of the onboarding branch to `fullName`, from its default branch's head to the branch's. */
export async function pushBranch(
  gh: GitHubEmulator,
  url: string,
  installationId: number,
  fullName: string,
  deliveryId?: string,
) {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = gh.store.repo(owner, name)!;
  const files = gh.store.branches.find((b) => b.repoId === repo.id && b.name === BRANCH)!.files;
  const payload = {
    ref: `refs/heads/${BRANCH}`,
    before: headShaOf(repo.files),
    after: headShaOf(files),
    created: false,
    deleted: false,
    forced: false,
    installation: { id: installationId },
    repository: {
      name,
      full_name: fullName,
      owner: { login: owner, name: owner },
      default_branch: 'main',
      master_branch: 'main',
    },
  };
  return gh.deliver({ url, event: 'push', payload, ...(deliveryId && { deliveryId }) });
}
