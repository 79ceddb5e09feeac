import type {
  AccountRecord,
  AppRecord,
  CheckRunRecord,
  CommentRecord,
  EnvironmentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  RepoRecord,
  RepoRole,
  SecretRecord,
  TeamRecord,
  TokenRecord,
  VariableRecord,
} from './types.js';
import { REPO_ROLES } from './types.js';

/**
 * Everything the emulator knows. Plain maps and arrays: routes read and write them directly, the
 * seeding API fills them, and tests may inspect them.
 */
export class Store {
  apps = new Map<number, AppRecord>();
  accounts = new Map<string, AccountRecord>();
  teams: TeamRecord[] = [];
  repos = new Map<number, RepoRecord>();
  installations = new Map<number, InstallationRecord>();
  tokens = new Map<string, TokenRecord>();
  environments: EnvironmentRecord[] = [];
  secrets: SecretRecord[] = [];
  variables: VariableRecord[] = [];
  labels: LabelRecord[] = [];
  issues: IssueRecord[] = [];
  comments: CommentRecord[] = [];
  checkRuns: CheckRunRecord[] = [];
  private lastId = 1000;

  /** Ids are unique across kinds, like GitHub's database ids look from outside. */
  nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  /** Logins compare case-insensitively on GitHub. */
  account(login: string): AccountRecord | undefined {
    return this.accounts.get(login.toLowerCase());
  }

  repo(owner: string, name: string): RepoRecord | undefined {
    const wanted = `${owner}/${name}`.toLowerCase();
    for (const repo of this.repos.values()) {
      if (`${repo.owner}/${repo.name}`.toLowerCase() === wanted) return repo;
    }
    return undefined;
  }

  reposOf(owner: string): RepoRecord[] {
    return [...this.repos.values()].filter((repo) => repo.owner.toLowerCase() === owner.toLowerCase());
  }

  /** Repositories an installation reaches, in creation order. */
  installationRepos(installation: InstallationRecord): RepoRecord[] {
    if (installation.repositorySelection === 'all') return this.reposOf(installation.account);
    return installation.repositoryIds.flatMap((id) => {
      const repo = this.repos.get(id);
      return repo ? [repo] : [];
    });
  }

  /** Repositories a token reaches: the installation's, narrowed by the token's own list. */
  tokenRepos(token: TokenRecord): RepoRecord[] {
    const base = token.installationId === null ? [] : this.installationReposById(token.installationId);
    if (token.repositoryIds === 'all') return base;
    const ids = token.repositoryIds;
    if (token.kind === 'workflow') return ids.flatMap((id) => this.repos.get(id) ?? []);
    return base.filter((repo) => ids.includes(repo.id));
  }

  private installationReposById(id: number): RepoRecord[] {
    const installation = this.installations.get(id);
    return installation ? this.installationRepos(installation) : [];
  }

  environment(repoId: number, name: string): EnvironmentRecord | undefined {
    return this.environments.find((env) => env.repoId === repoId && env.name === name);
  }

  issue(repoId: number, number: number): IssueRecord | undefined {
    return this.issues.find((issue) => issue.repoId === repoId && issue.number === number);
  }

  /**
   * A user's effective role on a repository: the strongest of a direct grant, team grants and
   * ownership. https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
   */
  roleOf(repo: RepoRecord, login: string): RepoRole {
    const lower = login.toLowerCase();
    if (repo.owner.toLowerCase() === lower) return 'admin';
    let best: RepoRole = repo.collaborators.get(lower) ?? 'none';
    for (const team of this.teams) {
      if (team.org.toLowerCase() !== repo.owner.toLowerCase()) continue;
      if (!team.members.some((member) => member.toLowerCase() === lower)) continue;
      const granted = team.repos[repo.name];
      if (granted && REPO_ROLES.indexOf(granted) > REPO_ROLES.indexOf(best)) best = granted;
    }
    return best;
  }
}
