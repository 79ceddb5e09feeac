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
import { GrowingIndex, RepoMap } from './store-index.js';
import type { SecretScanningAlertRecord } from './types.js';
import type { BranchRecord, PullRecord } from './types.js';

/**
 * Everything the emulator knows. Plain maps and arrays: routes read and write them directly, the
 * seeding API fills them, and tests may inspect them.
 */
export class Store {
  apps = new Map<number, AppRecord>();
  accounts = new Map<string, AccountRecord>();
  teams: TeamRecord[] = [];
  /** A `Map` by id that also finds repositories by name and owner in O(1) (store-index.ts). */
  repos = new RepoMap();
  installations = new Map<number, InstallationRecord>();
  tokens = new Map<string, TokenRecord>();
  environments: EnvironmentRecord[] = [];
  secrets: SecretRecord[] = [];
  variables: VariableRecord[] = [];
  labels: LabelRecord[] = [];
  issues: IssueRecord[] = [];
  comments: CommentRecord[] = [];
  checkRuns: CheckRunRecord[] = [];
  /** Branches besides the default one, of repositories without a git directory. */
  branches: BranchRecord[] = [];
  /** Pull requests; each is also an issue in `issues` (one number sequence, as on GitHub). */
  pulls: PullRecord[] = [];
  secretScanningAlerts: SecretScanningAlertRecord[] = [];
  private lastId = 1000;
  // Lookups by repository, so one request costs the same with 10 repositories or 10,000 (store-index.ts).
  private readonly environmentIndex = new GrowingIndex<EnvironmentRecord>((env) => String(env.repoId));
  private readonly secretIndex = new GrowingIndex<SecretRecord>((s) => secretKey(s.scope, s.owner, s.environment));
  private readonly issueIndex = new GrowingIndex<IssueRecord>((issue) => String(issue.repoId));
  private readonly labelIndex = new GrowingIndex<LabelRecord>((label) => String(label.repoId));
  private readonly commentIndex = new GrowingIndex<CommentRecord>((c) => `${c.repoId}#${c.issueNumber}`);

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
    return this.repos.byName(owner, name);
  }

  reposOf(owner: string): RepoRecord[] {
    return [...this.repos.byOwner(owner)];
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
    return this.environmentsOf(repoId).find((env) => env.name === name);
  }

  /** A repository's environments, in creation order. Read-only: copy before sorting. */
  environmentsOf(repoId: number): readonly EnvironmentRecord[] {
    return this.environmentIndex.get(this.environments, String(repoId));
  }

  /** Secrets of one place: `owner` is the org login for org scopes, else `owner/name` (any case). Read-only. */
  secretsOf(scope: SecretRecord['scope'], owner: string, environment: string | null = null): readonly SecretRecord[] {
    return this.secretIndex.get(this.secrets, secretKey(scope, owner, environment));
  }

  issue(repoId: number, number: number): IssueRecord | undefined {
    return this.issuesOf(repoId).find((issue) => issue.number === number);
  }

  /** A repository's issues (and pull requests), in creation order. Read-only. */
  issuesOf(repoId: number): readonly IssueRecord[] {
    return this.issueIndex.get(this.issues, String(repoId));
  }

  labelsOf(repoId: number): readonly LabelRecord[] {
    return this.labelIndex.get(this.labels, String(repoId));
  }

  commentsOf(repoId: number, issueNumber: number): readonly CommentRecord[] {
    return this.commentIndex.get(this.comments, `${repoId}#${issueNumber}`);
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

/** Environment names never hold NUL, so it separates the parts; null stands apart from any name. */
const secretKey = (scope: string, owner: string, environment: string | null): string =>
  `${scope}\0${owner.toLowerCase()}\0${environment ?? '\0'}`;
