import { statusOf, type AppOctokit } from '../octokit/octokit.js';

/**
 * Whether `login` is an active member of one of the `approvers` that name a team (`@acme/security`).
 * Plain logins are the engine's to compare (`decideCommand`, case-insensitive). A team the app
 * cannot see (404, or 403 without "Members" read) does not approve anyone.
 * https://docs.github.com/rest/teams/members#get-team-membership-for-a-user
 */
export async function isTeamApprover(
  octokit: AppOctokit,
  approvers: readonly string[],
  login: string,
): Promise<boolean> {
  for (const approver of approvers) {
    const [org, team_slug] = approver.replace(/^@/, '').split('/');
    if (!org || !team_slug || !login) continue;
    try {
      const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', {
        org,
        team_slug: team_slug.toLowerCase(),
        username: login,
      });
      if (data.state === 'active') return true;
    } catch (error) {
      const status = statusOf(error);
      if (status !== 404 && status !== 403) throw error;
    }
  }
  return false;
}
