import type { DashboardSkipped } from '../../src/tracking/dashboard/dashboard-skipped.js';
import type { TeamRoster, TeamRosters } from '../../src/tracking/team-rosters.js';
import { missingPermission, statusOf, type AppOctokit } from '../octokit/octokit.js';

/** Members read per team at most: one page. More than fit are never assigned (GitHub keeps 10). */
export const TEAM_MEMBERS_PAGE = 100;

type Read = TeamRoster | { unreadable: DashboardSkipped };

/** One sweep's team rosters: each team is listed once per sweep, whatever the number of repositories. */
export interface TeamRosterCache {
  /** The rosters of `teams` (`org/team`, lower case), reading those not read yet in this sweep. */
  read(octokit: AppOctokit, teams: readonly string[]): Promise<TeamRosters>;
  /** Dashboard lines for those of `teams` that could not be read. */
  unreadable(teams: readonly string[]): DashboardSkipped[];
}

/**
 * A cache for one sweep. A team the App cannot list (404: no such team, or one it cannot see;
 * 403: no "Members" read) is only mentioned: the log says so once per sweep, the dashboards of
 * the repositories that name it say so too, and the sweep goes on.
 * https://docs.github.com/rest/teams/members#list-team-members
 */
export function createTeamRosterCache(log: (message: string) => void): TeamRosterCache {
  const reads = new Map<string, Promise<Read>>();
  const done = new Map<string, Read>();
  const readOne = (octokit: AppOctokit, team: string): Promise<Read> => {
    let pending = reads.get(team);
    if (!pending) {
      pending = listMembers(octokit, team).then((read) => {
        done.set(team, read);
        if ('unreadable' in read)
          log(
            `team @${team}: members could not be read (${read.unreadable.reason}${read.unreadable.permission ? `, needs ${read.unreadable.permission}` : ''}); it is mentioned only, nobody is assigned for it`,
          );
        return read;
      });
      reads.set(team, pending);
    }
    return pending;
  };
  return {
    async read(octokit, teams) {
      const rosters = new Map<string, TeamRoster | 'unreadable'>();
      for (const team of teams) {
        const read = await readOne(octokit, team);
        rosters.set(team, 'unreadable' in read ? 'unreadable' : read);
      }
      return rosters;
    },
    unreadable(teams) {
      return teams.flatMap((team) => {
        const read = done.get(team);
        return read && 'unreadable' in read ? [read.unreadable] : [];
      });
    },
  };
}

async function listMembers(octokit: AppOctokit, team: string): Promise<Read> {
  const [org = '', team_slug = ''] = team.split('/');
  try {
    const response = await octokit.request('GET /orgs/{org}/teams/{team_slug}/members', {
      org,
      team_slug,
      per_page: TEAM_MEMBERS_PAGE,
    });
    const members = response.data.filter((user) => user.type === 'User').map((user) => user.login);
    return { members, more: /\brel="next"/.test(String(response.headers.link ?? '')) };
  } catch (error) {
    const status = statusOf(error);
    if (status !== 403 && status !== 404) throw error;
    const permission = missingPermission(error);
    return {
      unreadable: {
        what: `@${team}`,
        reason: status === 403 ? 'forbidden' : 'not-found',
        ...(permission && { permission }),
      },
    };
  }
}
