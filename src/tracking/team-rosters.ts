/**
 * What the adapter could read of one team (`GET /orgs/{org}/teams/{team_slug}/members`, one page):
 * its members' logins in GitHub's order (users only), and whether the team has more than were read.
 */
export interface TeamRoster {
  members: string[];
  /** The team has more members than `members` lists (the page was full). */
  more: boolean;
}

/**
 * Teams by {@link teamKey}: a roster, or `unreadable` when the App could not list the team (404 —
 * no such team, or a secret one —, 403 without "Members" read). A team absent from the map, or
 * unreadable, is only mentioned; nobody is assigned for it.
 */
export type TeamRosters = ReadonlyMap<string, TeamRoster | 'unreadable'>;

/**
 * Teams read for one repository at most: CODEOWNERS is written by the repository's writers and may
 * name any number of teams, while 10 assignees is all GitHub keeps. Teams past it stay mentions.
 */
export const MAX_TEAMS_READ = 10;

/** `@acme/Security` → `acme/security` (team slugs are lower case); undefined for a user's mention. */
export function teamKey(mention: string): string | undefined {
  const [org, team, ...rest] = mention.replace(/^@/, '').split('/');
  if (!org || !team || rest.length > 0) return undefined;
  return `${org}/${team}`.toLowerCase();
}
