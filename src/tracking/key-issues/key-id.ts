import type { TrackedKey } from '../tracked-key.js';

/**
 * A stable id for one tracked key problem: repository, scope, environment, secret name and kind of
 * problem, lower-cased because GitHub matches repository, environment and secret names without
 * regard to case. Readable on purpose: it shows in the hidden marker and in logs.
 * https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#creating-an-environment
 */
export function keyId(key: TrackedKey): string {
  const parts = [key.repository, key.scope, key.environment ?? '*', key.secret, key.problem];
  // `|` and `%` are escaped so that no environment name can make two keys collide.
  return parts.map((p) => p.toLowerCase().replace(/[%|]/g, (c) => encodeURIComponent(c))).join('|');
}

/**
 * The tracked key an id (and the marker's name fields, when present) stands for. The id alone
 * gives lower-cased names; a marker that kept `secret`/`environment` gives them as spelled.
 */
export function trackedKeyFromId(
  id: string,
  names: { secret?: string; environment?: string } = {},
): TrackedKey | undefined {
  const parts = id.split('|').map(safeDecode);
  if (parts.length !== 5) return undefined;
  const [repository, scope, environment, secret, problem] = parts as [string, string, string, string, string];
  if (
    !['org', 'repo', 'environment', 'dependabot'].includes(scope) ||
    !['rotate', 'shared', 'missing', 'unprotected'].includes(problem)
  )
    return undefined;
  const env = names.environment ?? (environment === '*' ? undefined : environment);
  return {
    repository,
    scope: scope as TrackedKey['scope'],
    ...(env !== undefined && { environment: env }),
    secret: names.secret ?? secret,
    problem: problem as TrackedKey['problem'],
  };
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
