import type { EmulatorClock } from './clock.js';
import type { Store } from './store.js';
import type { EnvironmentRecord, RepoRecord, SecretRecord, VariableRecord } from './types.js';

type RepoLookup = (fullName: string) => RepoRecord;

export interface EnvironmentSeed {
  repo: string;
  name: string;
  waitTimer?: number;
  /** Logins of required reviewers. */
  reviewers?: string[];
  branchPolicy?: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  createdAt?: Date;
  updatedAt?: Date;
}

interface Stamps {
  createdAt?: Date;
  /** The only rotation signal GitHub gives; defaults to `createdAt`. */
  updatedAt?: Date;
}

/** Where a secret lives. Org secrets carry a visibility; `selected` needs `selectedRepos`. */
export type SecretSeed = Stamps & { name: string } & (
    | { scope: 'repo'; repo: string }
    | { scope: 'environment'; repo: string; environment: string }
    | { scope: 'dependabot-repo'; repo: string }
    | {
        scope: 'org' | 'dependabot-org';
        org: string;
        visibility?: 'all' | 'private' | 'selected';
        selectedRepos?: string[];
      }
  );

export type VariableSeed = Stamps & { name: string; value: string } & (
    | { scope: 'repo'; repo: string }
    | { scope: 'environment'; repo: string; environment: string }
    | { scope: 'org'; org: string; visibility?: 'all' | 'private' | 'selected'; selectedRepos?: string[] }
  );

export function createSecretSeeders(store: Store, clock: EmulatorClock, repoByName: RepoLookup) {
  const stamps = (seed: Stamps): { createdAt: Date; updatedAt: Date } => {
    const createdAt = seed.createdAt ?? clock.now();
    return { createdAt, updatedAt: seed.updatedAt ?? createdAt };
  };

  const placement = (seed: SecretSeed | VariableSeed) => {
    if ('org' in seed) {
      const visibility = seed.visibility ?? 'all';
      const selected = (seed.selectedRepos ?? []).map(
        (name) => repoByName(name.includes('/') ? name : `${seed.org}/${name}`).id,
      );
      return { owner: seed.org, environment: null, visibility, selectedRepoIds: selected };
    }
    const repo = repoByName(seed.repo);
    const environment = seed.scope === 'environment' ? seed.environment : null;
    if (environment !== null && !store.environment(repo.id, environment)) {
      throw new Error(`emulator seed: environment "${environment}" does not exist in ${seed.repo}`);
    }
    return { owner: `${repo.owner}/${repo.name}`, environment, visibility: null, selectedRepoIds: [] };
  };

  return {
    environment: (seed: EnvironmentSeed): EnvironmentRecord => {
      const repo = repoByName(seed.repo);
      const record: EnvironmentRecord = {
        id: store.nextId(),
        repoId: repo.id,
        name: seed.name,
        waitTimer: seed.waitTimer ?? 0,
        reviewers: seed.reviewers ?? [],
        branchPolicy: seed.branchPolicy ?? null,
        ...stamps(seed),
      };
      store.environments.push(record);
      return record;
    },
    secret: (seed: SecretSeed): SecretRecord => {
      const record: SecretRecord = {
        scope: seed.scope,
        name: seed.name.toUpperCase(),
        ...placement(seed),
        ...stamps(seed),
      };
      // Seeding again replaces; looked up through the index, so seeding 50,000 secrets stays linear.
      if (
        store
          .secretsOf(record.scope, record.owner, record.environment)
          .some((s) => s.owner === record.owner && s.name === record.name)
      ) {
        store.secrets = store.secrets.filter(
          (s) =>
            !(
              s.scope === record.scope &&
              s.owner === record.owner &&
              s.environment === record.environment &&
              s.name === record.name
            ),
        );
      }
      store.secrets.push(record);
      return record;
    },
    variable: (seed: VariableSeed): VariableRecord => {
      const record: VariableRecord = {
        scope: seed.scope,
        name: seed.name.toUpperCase(),
        value: seed.value,
        ...placement(seed),
        ...stamps(seed),
      };
      store.variables.push(record);
      return record;
    },
  };
}
