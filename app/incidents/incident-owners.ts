import { resolveOwners } from '../../src/tracking/resolve-owners.js';
import { MAX_TEAMS_READ, teamKey, type TeamRosters } from '../../src/tracking/team-rosters.js';
import { fetchOwnerSources } from '../github/codeowners.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { createTeamRosterCache } from '../github/team-roster-cache.js';

/**
 * Who owns a leak in a repository: its CODEOWNERS owners for the whole repository, else its
 * admins (the policy's `owners` are per secret, and a leak is in a file), with the members of the
 * teams among them. Read only when an incident is about to open.
 */
export async function incidentOwners(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  now: Date,
  log: (message: string) => void,
): Promise<{ owners: string[]; teams: TeamRosters }> {
  const owners = resolveOwners([], await fetchOwnerSources(octokit, owner, repo, now));
  const named = [...new Set(owners.map(teamKey).filter((k): k is string => k !== undefined))].slice(0, MAX_TEAMS_READ);
  return { owners, teams: await createTeamRosterCache(log).read(octokit, named) };
}
