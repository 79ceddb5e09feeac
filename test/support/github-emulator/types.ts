/**
 * The emulator's state records. They hold what GitHub stores, not what it renders: the renderers in
 * `render/` turn them into REST shapes, so one record serves every endpoint that shows it.
 */

export type PermissionLevel = 'read' | 'write' | 'admin';

/** A GitHub App permission set, e.g. `{ secrets: 'read', issues: 'write' }`. */
export type Permissions = Record<string, PermissionLevel>;

/** Roles a user can hold on a repository, weakest first. */
export const REPO_ROLES = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;
export type RepoRole = (typeof REPO_ROLES)[number];

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  clientId: string;
  /** PEM, SPKI. JWTs are verified against it. */
  publicKey: string;
  /** PEM, PKCS#8: what a test hands to Probot or Octokit as the App's private key. */
  privateKey: string;
  webhookSecret: string;
  permissions: Permissions;
  events: string[];
  ownerLogin: string;
  createdAt: Date;
}

export interface AccountRecord {
  id: number;
  login: string;
  type: 'User' | 'Organization' | 'Bot';
  name: string | null;
  createdAt: Date;
}

export interface TeamRecord {
  id: number;
  org: string;
  slug: string;
  name: string;
  members: string[];
  /** Repository name (without owner) → role the team grants. */
  repos: Record<string, RepoRole>;
}

export interface RepoRecord {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  visibility: 'public' | 'private' | 'internal';
  archived: boolean;
  description: string | null;
  createdAt: Date;
  /** Files on the default branch, path → UTF-8 text (used when no git directory backs the repo). */
  files: Map<string, string>;
  /** A local git repository that backs contents, commits and compare for this repo. */
  gitDir: string | null;
  /** Login → role granted directly (outside teams). */
  collaborators: Map<string, RepoRole>;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  account: string;
  permissions: Permissions;
  repositorySelection: 'all' | 'selected';
  /** Repository ids, when the selection is `selected`. */
  repositoryIds: number[];
  events: string[];
  createdAt: Date;
  suspendedAt: Date | null;
}

/**
 * An access token. Installation tokens come from `POST /app/installations/{id}/access_tokens`;
 * `workflow` tokens stand for a job's `GITHUB_TOKEN` (one repository, no `secrets` permission).
 */
export interface TokenRecord {
  token: string;
  kind: 'installation' | 'workflow';
  installationId: number | null;
  permissions: Permissions;
  /** Repository ids the token reaches; `all` means every repository of the installation account. */
  repositoryIds: number[] | 'all';
  expiresAt: Date;
}

export interface ProtectionRule {
  type: 'required_reviewers' | 'wait_timer' | 'branch_policy';
  reviewers?: string[];
  waitTimer?: number;
}

export interface EnvironmentRecord {
  id: number;
  repoId: number;
  name: string;
  waitTimer: number;
  reviewers: string[];
  /** `null`: deploy from any branch. */
  branchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  createdAt: Date;
  updatedAt: Date;
}

export type SecretScope = 'repo' | 'environment' | 'org' | 'dependabot-repo' | 'dependabot-org';

export interface SecretRecord {
  scope: SecretScope;
  /** Org login for org scopes, else `owner/name`. */
  owner: string;
  environment: string | null;
  name: string;
  createdAt: Date;
  updatedAt: Date;
  /** Org secrets only. */
  visibility: 'all' | 'private' | 'selected' | null;
  selectedRepoIds: number[];
}

export interface VariableRecord {
  scope: 'repo' | 'environment' | 'org';
  owner: string;
  environment: string | null;
  name: string;
  value: string;
  createdAt: Date;
  updatedAt: Date;
  visibility: 'all' | 'private' | 'selected' | null;
  selectedRepoIds: number[];
}

export interface LabelRecord {
  id: number;
  repoId: number;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export interface IssueRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  body: string | null;
  user: string;
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: string[];
  assignees: string[];
  locked: boolean;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  /** Set when an App's installation token created the issue. */
  viaAppId: number | null;
}

export interface CommentRecord {
  id: number;
  repoId: number;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: Date;
  updatedAt: Date;
  viaAppId: number | null;
}

/**
 * A branch other than the default one of a repository without a git directory (the default
 * branch's files are `RepoRecord.files`). Its head commit id is a digest of its files (branches.ts).
 */
export interface BranchRecord {
  repoId: number;
  name: string;
  /** Path → UTF-8 text. */
  files: Map<string, string>;
}

/** What makes an issue a pull request: its number, title, body, author and state are the issue's. */
export interface PullRecord {
  id: number;
  repoId: number;
  number: number;
  /** Branch names in the same repository (the emulator has no forks). */
  head: string;
  base: string;
  /** The head commit when last seen; kept once the branch is deleted. */
  headSha: string;
  draft: boolean;
  maintainerCanModify: boolean;
  mergedAt: Date | null;
  mergedBy: string | null;
}

export interface CheckRunRecord {
  id: number;
  repoId: number;
  appId: number;
  name: string;
  headSha: string;
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: unknown[];
}

/** Where secret scanning saw a secret: a line of a file in a commit (the `commit` location type). */
export interface SecretScanningLocationRecord {
  path: string;
  startLine: number;
  endLine: number;
  startColumn: number;
  endColumn: number;
  blobSha: string;
  commitSha: string;
}

/**
 * A secret scanning alert. `secret` is the raw value GitHub found: the REST API shows it unless the
 * caller passes `hide_secret=true`. https://docs.github.com/rest/secret-scanning/secret-scanning
 */
export interface SecretScanningAlertRecord {
  repoId: number;
  /** Numbered per repository. */
  number: number;
  secretType: string;
  secretTypeDisplayName: string;
  secret: string;
  state: 'open' | 'resolved';
  resolution: 'false_positive' | 'wont_fix' | 'revoked' | 'used_in_tests' | null;
  /** Login of who resolved it. */
  resolvedBy: string | null;
  validity: 'active' | 'inactive' | 'unknown';
  /** Oldest first. */
  locations: SecretScanningLocationRecord[];
  createdAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
}
