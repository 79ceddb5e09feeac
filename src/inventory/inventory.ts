// The secret-metadata model (docs/ARCHITECTURE.md, "How a key issue flows"): what the GitHub API says
// about secrets and environments, never a value. The Action and the App fill it; the engine judges it.

/**
 * Where a secret lives. A job sees environment, then repository, then organisation secrets: the
 * lowest level wins when names collide.
 * https://docs.github.com/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions#naming-your-secrets
 */
export type SecretScope = 'org' | 'repo' | 'environment' | 'dependabot';

/** One secret's metadata, as `GET …/secrets` lists it. */
export interface InventoryItem {
  scope: SecretScope;
  /** Set for `environment` secrets only. */
  environment?: string;
  name: string;
  /** `updated_at`: the only rotation signal GitHub gives. */
  updatedAt: Date;
  /** An organisation's own secret (`GET /orgs/{org}/actions/secrets`): which repositories may use it. */
  visibility?: OrgSecretVisibility;
  /** `selected` visibility: how many repositories are selected, when counted. */
  selectedRepositories?: number;
}

/** https://docs.github.com/rest/actions/secrets#list-organization-secrets */
export type OrgSecretVisibility = 'all' | 'private' | 'selected';

/** A deployment environment and the gates in front of it (`protection_rules`, `deployment_branch_policy`). */
export interface EnvironmentInfo {
  name: string;
  /** Someone must approve a job before it gets the environment's secrets. */
  requiredReviewers: boolean;
  /** Only some branches (protected ones, or named patterns) may deploy to it. */
  branchPolicy: boolean;
}

/** Everything known about one repository's secrets. */
export interface Inventory {
  /** `owner/name` */
  repository: string;
  environments: EnvironmentInfo[];
  /** Environment, repository and organisation secrets visible to the repository. */
  secrets: InventoryItem[];
}

/**
 * GitHub matches environment names and secret names case-insensitively.
 * https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#creating-an-environment
 */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
