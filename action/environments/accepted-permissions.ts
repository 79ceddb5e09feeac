/** One permission GitHub accepts for an endpoint, e.g. `actions=read`. */
export interface AcceptedPermission {
  /** GitHub's name, e.g. `actions`, `organization_secrets`. */
  name: string;
  level: 'read' | 'write' | 'admin';
}

/** A header longer than this is not GitHub's: it is not parsed. */
const MAX_HEADER = 500;
const ENTRY = /^([a-z][a-z_]{0,60})=(read|write|admin)$/;

/**
 * The first permission set in `X-Accepted-GitHub-Permissions` (`actions=read`,
 * `secrets=read,environments=read; …` — sets are alternatives, each entry of a set is needed), or
 * undefined when the header is missing or malformed. Only names and levels that look like GitHub's
 * pass, so nothing else from the header reaches the advice.
 * https://github.blog/changelog/2023-08-10-x-accepted-github-permissions-header-for-fine-grained-permission-actors
 */
export function acceptedPermissions(header: unknown): AcceptedPermission[] | undefined {
  if (typeof header !== 'string' || header.length > MAX_HEADER) return undefined;
  const [first = ''] = header.split(';');
  const entries = first.split(',').map((entry) => ENTRY.exec(entry.trim()));
  if (entries.length === 0 || entries.some((match) => match === null)) return undefined;
  return entries.map((match) => ({ name: match![1]!, level: match![2] as AcceptedPermission['level'] }));
}

/** As GitHub's settings page names it: `organization_secrets=read` → "Organization secrets: read". */
export function permissionTitle(permission: AcceptedPermission): string {
  const words = permission.name.replace(/_/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}: ${permission.level}`;
}

/**
 * The `actions/create-github-app-token` input that asks for it: `permission-organization-secrets: read`.
 * https://github.com/actions/create-github-app-token (its `permission-*` inputs)
 */
export function tokenInput(permission: AcceptedPermission): string {
  return `permission-${permission.name.replace(/_/g, '-')}: ${permission.level}`;
}
