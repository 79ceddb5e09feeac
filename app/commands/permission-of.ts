import type { Permission } from '../../src/tracking/commands/decide-command.js';
import type { AppOctokit } from '../octokit/octokit.js';

const PERMISSIONS: readonly Permission[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

/**
 * The actor's role on the repository; `role_name` keeps maintain and triage, which the legacy
 * `permission` field folds away. A user GitHub does not know has no permission.
 * https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
export async function permissionOf(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  username: string,
): Promise<Permission> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
      owner,
      repo,
      username,
    });
    return PERMISSIONS.find((p) => p === data.role_name) ?? PERMISSIONS.find((p) => p === data.permission) ?? 'none';
  } catch {
    return 'none';
  }
}
