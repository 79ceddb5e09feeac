import type { AssignRequest } from '../../src/tracking/issue-action.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';

/** Who can be assigned in one repository, as far as this apply has asked (login, lower case). */
export type Assignability = Map<string, boolean>;

/**
 * Assigns an issue the first `max` of the request's logins who can be assigned. Fewer candidates
 * than room: one `POST …/assignees`, which silently ignores who cannot be assigned. More: each is
 * checked first (`GET /repos/{o}/{r}/assignees/{login}`, 204 or 404, remembered for the
 * repository's other issues) so the room goes to people who can take it. An assignment GitHub
 * refuses is logged and never undoes the issue or comment it follows. Returns who was assigned.
 * https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue
 */
export async function assignIssue(
  octokit: AppOctokit,
  at: { owner: string; repo: string },
  issue: number,
  request: AssignRequest,
  known: Assignability,
  log: (message: string) => void,
): Promise<string[]> {
  const where = `${at.owner}/${at.repo}#${issue}`;
  try {
    const logins =
      request.logins.length <= request.max ? request.logins : await firstAssignable(octokit, at, request, known);
    if (logins.length === 0) {
      log(
        `${where}: none of ${request.logins.length} owners can be assigned (no access to the repository); they are mentioned only`,
      );
      return [];
    }
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
      ...at,
      issue_number: issue,
      assignees: logins,
    });
    const assigned = new Set((data.assignees ?? []).map((a) => a.login.toLowerCase()));
    const dropped = logins.filter((login) => !assigned.has(login.toLowerCase()));
    if (dropped.length > 0)
      log(
        `${where}: ${dropped.length} of ${logins.length} owners could not be assigned (no access to the repository); they are mentioned only`,
      );
    return logins.filter((login) => assigned.has(login.toLowerCase()));
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404 && status !== 410 && status !== 422) throw error;
    log(`${where}: could not assign owners (${status}); they are mentioned only`);
    return [];
  }
}

async function firstAssignable(
  octokit: AppOctokit,
  at: { owner: string; repo: string },
  { logins, max }: AssignRequest,
  known: Assignability,
): Promise<string[]> {
  const picked: string[] = [];
  for (const login of logins) {
    if (picked.length >= max) break;
    let can = known.get(login.toLowerCase());
    if (can === undefined) {
      can = await canBeAssigned(octokit, at, login);
      known.set(login.toLowerCase(), can);
    }
    if (can) picked.push(login);
  }
  return picked;
}

/** https://docs.github.com/rest/issues/assignees#check-if-a-user-can-be-assigned */
async function canBeAssigned(
  octokit: AppOctokit,
  at: { owner: string; repo: string },
  assignee: string,
): Promise<boolean> {
  try {
    await octokit.request('GET /repos/{owner}/{repo}/assignees/{assignee}', { ...at, assignee });
    return true;
  } catch (error) {
    if (statusOf(error) === 404) return false;
    throw error;
  }
}
