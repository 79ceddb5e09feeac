import type { EmulatorClock } from './clock.js';
import { generateAppKeyPair } from './jwt.js';
import type { Store } from './store.js';
import { mintToken } from './tokens.js';
import type {
  AccountRecord,
  AppRecord,
  InstallationRecord,
  Permissions,
  RepoRecord,
  RepoRole,
  TeamRecord,
} from './types.js';
import { createSecretSeeders } from './seed-secrets.js';
import { createWorkSeeders } from './seed-work.js';
import { createPullSeeders } from './seed-pulls.js';
import { createSecretScanningSeeders } from './seed-secret-scanning.js';

export interface AppSeed {
  id?: number;
  slug?: string;
  name?: string;
  owner?: string;
  permissions?: Permissions;
  events?: string[];
  webhookSecret?: string;
}

export interface RepoSeed {
  /** `owner/name`. The owner becomes an organization unless seeded as a user first. */
  fullName: string;
  defaultBranch?: string;
  visibility?: RepoRecord['visibility'];
  archived?: boolean;
  description?: string;
  /** Files on the default branch, path → text. */
  files?: Record<string, string>;
  /** A local git repository backing contents, commits and compare. */
  gitDir?: string;
}

export interface InstallationSeed {
  account: string;
  /** The App; defaults to the only seeded App. */
  appId?: number;
  permissions: Permissions;
  /** Repository names (with or without owner). Absent: `all` repositories of the account. */
  repositories?: string[];
  events?: string[];
  suspended?: boolean;
}

export function createSeeder(store: Store, clock: EmulatorClock) {
  const ensureAccount = (login: string, type: AccountRecord['type']): AccountRecord => {
    const existing = store.account(login);
    if (existing) return existing;
    const account: AccountRecord = { id: store.nextId(), login, type, name: null, createdAt: clock.now() };
    store.accounts.set(login.toLowerCase(), account);
    return account;
  };

  const repoByName = (fullName: string): RepoRecord => {
    const [owner, name] = fullName.split('/');
    const repo = owner && name ? store.repo(owner, name) : undefined;
    if (!repo) throw new Error(`emulator seed: unknown repository "${fullName}" (seed it with seed.repo first)`);
    return repo;
  };

  const seedApp = (seed: AppSeed = {}): AppRecord => {
    const id = seed.id ?? store.nextId();
    const slug = seed.slug ?? `app-${id}`;
    const app: AppRecord = {
      id,
      slug,
      name: seed.name ?? slug,
      clientId: `Iv23li${String(id).padStart(14, '0')}`,
      ...generateAppKeyPair(),
      webhookSecret: seed.webhookSecret ?? `webhook-secret-${id}`,
      permissions: seed.permissions ?? {},
      events: seed.events ?? [],
      ownerLogin: seed.owner ?? 'app-owner',
      createdAt: clock.now(),
    };
    store.apps.set(id, app);
    return app;
  };

  const seedRepo = (seed: RepoSeed): RepoRecord => {
    const [owner, name] = seed.fullName.split('/');
    if (!owner || !name) throw new Error(`emulator seed: repository "${seed.fullName}" is not owner/name`);
    const account = ensureAccount(owner, 'Organization');
    const repo: RepoRecord = {
      id: store.nextId(),
      owner: account.login,
      name,
      defaultBranch: seed.defaultBranch ?? 'main',
      visibility: seed.visibility ?? 'private',
      archived: seed.archived ?? false,
      description: seed.description ?? null,
      createdAt: clock.now(),
      files: new Map(Object.entries(seed.files ?? {})),
      gitDir: seed.gitDir ?? null,
      collaborators: new Map(),
    };
    store.repos.set(repo.id, repo);
    return repo;
  };

  const seedInstallation = (seed: InstallationSeed): InstallationRecord => {
    const appId = seed.appId ?? [...store.apps.keys()][0];
    if (appId === undefined) throw new Error('emulator seed: seed an App before its installations');
    const account = ensureAccount(seed.account, 'Organization');
    const installation: InstallationRecord = {
      id: store.nextId(),
      appId,
      account: account.login,
      permissions: seed.permissions,
      repositorySelection: seed.repositories ? 'selected' : 'all',
      repositoryIds: (seed.repositories ?? []).map(
        (name) => repoByName(name.includes('/') ? name : `${account.login}/${name}`).id,
      ),
      events: seed.events ?? [],
      createdAt: clock.now(),
      suspendedAt: seed.suspended ? clock.now() : null,
    };
    store.installations.set(installation.id, installation);
    return installation;
  };

  return {
    app: seedApp,
    org: (login: string): AccountRecord => ensureAccount(login, 'Organization'),
    user: (login: string, name: string | null = null): AccountRecord => {
      const account = ensureAccount(login, 'User');
      account.name = name;
      return account;
    },
    repo: seedRepo,
    /** Writes a file on the default branch (repos without a git directory). */
    file: (fullName: string, path: string, content: string): void => {
      repoByName(fullName).files.set(path, content);
    },
    collaborator: (fullName: string, login: string, role: RepoRole): void => {
      ensureAccount(login, 'User');
      repoByName(fullName).collaborators.set(login.toLowerCase(), role);
    },
    team: (seed: {
      org: string;
      slug: string;
      name?: string;
      members: string[];
      repos?: Record<string, RepoRole>;
    }): TeamRecord => {
      ensureAccount(seed.org, 'Organization');
      seed.members.forEach((login) => ensureAccount(login, 'User'));
      const team: TeamRecord = {
        id: store.nextId(),
        org: seed.org,
        slug: seed.slug,
        name: seed.name ?? seed.slug,
        members: seed.members,
        repos: seed.repos ?? {},
      };
      store.teams.push(team);
      return team;
    },
    installation: seedInstallation,
    /** An installation token without the HTTP round trip (narrowing as `access_tokens` does). */
    installationToken: (
      installationId: number,
      narrow: { permissions?: Permissions; repositoryIds?: number[] } = {},
    ): string => {
      const installation = store.installations.get(installationId);
      if (!installation) throw new Error(`emulator seed: unknown installation ${installationId}`);
      const token = mintToken('ghs');
      store.tokens.set(token, {
        token,
        kind: 'installation',
        installationId,
        permissions: narrow.permissions ?? installation.permissions,
        repositoryIds: narrow.repositoryIds ?? 'all',
        expiresAt: new Date(clock.now().getTime() + 3_600_000),
      });
      return token;
    },
    /**
     * A job's `GITHUB_TOKEN`: one repository, the job's permissions, never `secrets`.
     * https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication
     */
    workflowToken: (fullName: string, permissions: Permissions): string => {
      if ('secrets' in permissions) throw new Error('emulator seed: GITHUB_TOKEN has no "secrets" permission');
      const token = mintToken('ghs');
      const expiresAt = new Date(clock.now().getTime() + 24 * 3_600_000);
      store.tokens.set(token, {
        token,
        kind: 'workflow',
        installationId: null,
        permissions,
        repositoryIds: [repoByName(fullName).id],
        expiresAt,
      });
      return token;
    },
    ...createSecretSeeders(store, clock, repoByName),
    ...createWorkSeeders(store, clock, repoByName, ensureAccount),
    ...createPullSeeders(store, clock, repoByName),
    ...createSecretScanningSeeders(store, clock, repoByName),
  };
}

export type Seeder = ReturnType<typeof createSeeder>;
export type RepoLookup = (fullName: string) => RepoRecord;
