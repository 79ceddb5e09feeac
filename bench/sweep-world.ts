// The sweep bench's world: organisations of 500 repositories on the GitHub API emulator,
// each repository with three environments and five secrets (names and dates only: GitHub never gives
// an App a secret's value), one key in twenty repositories overdue, and the rate budget GitHub gives
// an organisation installation.
import { keyId } from '../src/tracking/key-issues/key-id.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../test/support/github-emulator/index.js';
import { seededRng } from '../test/support/seeded-rng.js';

const DAY = 86_400_000;

/** What app.yml asks for (the sweep reads secrets, environments, contents; writes issues). */
export const APP_PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  organization_secrets: 'read',
  dependabot_secrets: 'read',
  secret_scanning_alerts: 'read',
  issues: 'write',
  checks: 'write',
  contents: 'read',
  pull_requests: 'write',
  members: 'read',
  metadata: 'read',
} as const;

export const ENVIRONMENTS = ['development', 'staging', 'production'] as const;
/** In every environment: the key the policy lists, one value per environment. */
export const ENVIRONMENT_SECRET = 'OPENAI_API_KEY';
/** Repository-level keys the policy does not list: tracked by name (`_TOKEN$`) and judged by age. */
export const REPO_SECRETS = ['NPM_TOKEN', 'SENTRY_AUTH_TOKEN'] as const;
/** A large organisation; also what makes GitHub's installation budget reach its cap. */
export const REPOS_PER_ORG = 500;
/** One repository in this many holds one overdue key: 5 % of repositories, 1 % of keys. */
export const STALE_EVERY = 20;

/**
 * The org-wide defaults in `<org>/.github`. No dashboard: one dashboard issue per repository would be
 * 500 issues per organisation in the first sweep — an hour of GitHub's 500-an-hour content limit —
 * and a PATCH each time a row changes; at this scale the per-key issues carry the signal. The `keys:`
 * list lives in each service repository's file: in the org file it would apply to `.github` itself,
 * which has no environments, and open three "missing" issues there.
 */
export const ORG_POLICY = `rotate-every: 90d
remind-before: 14d
dashboard: false
`;

/** A service repository's own file, as onboarding would leave it: the org defaults and its key. */
export function repoPolicy(org: string): string {
  return `_extends: .github
keys:
  - secret: ${ENVIRONMENT_SECRET}
    provider: openai
    environments: [${ENVIRONMENTS.join(', ')}]
    owners: ['@${org}/platform']
`;
}

/**
 * GitHub's primary budget for an organisation installation: 5,000 an hour, plus 50 for each
 * repository past 20, at most 12,500.
 * https://docs.github.com/apps/creating-github-apps/registering-a-github-app/rate-limits-for-github-apps#primary-rate-limit-for-installation-access-tokens
 */
export function installationBudget(repositories: number): number {
  return Math.min(12_500, 5_000 + 50 * Math.max(0, repositories - 20));
}

/** A key the world made overdue: where it lives and the id its issue's marker carries. */
export interface StaleKey {
  repository: string;
  secret: string;
  environment?: string;
  id: string;
}

export interface SweepWorld {
  app: AppRecord;
  installations: Array<{ installation: InstallationRecord; repositories: number; budget: number }>;
  repositories: number;
  environments: number;
  secrets: number;
  stale: StaleKey[];
}

export interface WorldOptions {
  repositories: number;
  /** RNG seed for the keys' ages. */
  seed?: number;
}

/**
 * Seeds the world through the emulator's ordinary seeding API. Organisation `org-NN` holds `.github`
 * (the defaults) and service repositories `svc-NNNNN` up to 500 in all; each service repository has
 * its own `.github/key-hygiene.yml` (see {@link repoPolicy}) and a CODEOWNERS file.
 */
export function seedSweepWorld(gh: GitHubEmulator, options: WorldOptions): SweepWorld {
  const rng = seededRng(options.seed ?? 7);
  const now = gh.clock.now().getTime();
  const ago = (days: number) => new Date(now - days * DAY);
  const app = gh.seed.app({ slug: 'key-hygiene', name: 'Key Hygiene', permissions: { ...APP_PERMISSIONS } });
  const world: SweepWorld = { app, installations: [], repositories: 0, environments: 0, secrets: 0, stale: [] };
  const orgs = Math.ceil(options.repositories / REPOS_PER_ORG);
  let serviceIndex = 0;
  for (let o = 1; o <= orgs; o += 1) {
    const org = `org-${String(o).padStart(2, '0')}`;
    const size = Math.min(REPOS_PER_ORG, options.repositories - world.repositories);
    gh.seed.repo({ fullName: `${org}/.github`, files: { '.github/key-hygiene.yml': ORG_POLICY } });
    for (let r = 1; r < size; r += 1) {
      serviceIndex += 1;
      const repository = `${org}/svc-${String(serviceIndex).padStart(5, '0')}`;
      gh.seed.repo({
        fullName: repository,
        files: {
          '.github/key-hygiene.yml': repoPolicy(org),
          '.github/CODEOWNERS': `* @${org}/team-${serviceIndex % 40}\n`,
        },
      });
      // Fresh keys were rotated 1–60 days ago (due at 90, reminded from 76). The overdue key went over
      // 1–12 days ago: its issue opens now; escalation (14 days overdue) is not due the next day either.
      const staleSlot = serviceIndex % STALE_EVERY === 0 ? Math.floor(serviceIndex / STALE_EVERY) % 5 : -1;
      const age = (slot: number) => ago(slot === staleSlot ? rng.int(91, 102) : rng.int(1, 60));
      ENVIRONMENTS.forEach((environment, slot) => {
        gh.seed.environment({
          repo: repository,
          name: environment,
          ...(environment === 'production' && { reviewers: [`${org}-lead`] }),
        });
        gh.seed.secret({
          scope: 'environment',
          repo: repository,
          environment,
          name: ENVIRONMENT_SECRET,
          updatedAt: age(slot),
        });
        if (slot === staleSlot) world.stale.push(staleKey(repository, 'environment', ENVIRONMENT_SECRET, environment));
      });
      REPO_SECRETS.forEach((name, i) => {
        gh.seed.secret({ scope: 'repo', repo: repository, name, updatedAt: age(ENVIRONMENTS.length + i) });
        if (ENVIRONMENTS.length + i === staleSlot) world.stale.push(staleKey(repository, 'repo', name));
      });
      world.environments += ENVIRONMENTS.length;
      world.secrets += ENVIRONMENTS.length + REPO_SECRETS.length;
    }
    world.repositories += size;
    const installation = gh.seed.installation({ account: org, permissions: { ...APP_PERMISSIONS } });
    const budget = installationBudget(size);
    gh.rateLimiter.setLimit(`installation:${installation.id}`, budget);
    world.installations.push({ installation, repositories: size, budget });
  }
  return world;
}

function staleKey(repository: string, scope: 'environment' | 'repo', secret: string, environment?: string): StaleKey {
  const id = keyId({ repository, scope, ...(environment !== undefined && { environment }), secret, problem: 'rotate' });
  return { repository, secret, ...(environment !== undefined && { environment }), id };
}
