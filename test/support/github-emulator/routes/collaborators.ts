import { notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderSimpleUser } from '../render/accounts.js';
import type { Route, RouteContext } from '../router.js';
import type { RepoRole } from '../types.js';

const ROLES: readonly RepoRole[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
/** `permission=` filter values → the least role that passes. */
const FILTER: Record<string, RepoRole> = {
  pull: 'read',
  triage: 'triage',
  push: 'write',
  maintain: 'maintain',
  admin: 'admin',
};

/**
 * Collaborators with their role, direct or through a team; `permission=admin` keeps admins only.
 * https://docs.github.com/rest/collaborators/collaborators#list-repository-collaborators
 */
function listCollaborators(ctx: RouteContext) {
  const repo = ctx.repo;
  const logins = new Set<string>(repo.collaborators.keys());
  if (ctx.store.account(repo.owner)?.type === 'User') logins.add(repo.owner.toLowerCase());
  for (const team of ctx.store.teams) {
    if (team.org.toLowerCase() === repo.owner.toLowerCase() && team.repos[repo.name])
      team.members.forEach((m) => logins.add(m.toLowerCase()));
  }
  const least = FILTER[ctx.query.get('permission') ?? ''] ?? 'read';
  const rows = [...logins]
    .sort()
    .map((login) => ({ account: ctx.store.account(login), role: ctx.store.roleOf(repo, login) }))
    .filter((row) => row.account !== undefined && ROLES.indexOf(row.role) >= ROLES.indexOf(least));
  const page = paginate(ctx, rows);
  const at = (min: RepoRole, role: RepoRole): boolean => ROLES.indexOf(role) >= ROLES.indexOf(min);
  const body = page.items.map(({ account, role }) => ({
    ...renderSimpleUser(ctx, account!),
    permissions: {
      admin: at('admin', role),
      maintain: at('maintain', role),
      push: at('write', role),
      triage: at('triage', role),
      pull: at('read', role),
    },
    role_name: role,
  }));
  return { status: 200, body, headers: page.headers };
}

/**
 * 404 unless the user is on the team (GitHub's answer for "not a member").
 * https://docs.github.com/rest/teams/members#get-team-membership-for-a-user
 */
function teamMembership(ctx: RouteContext) {
  const team = ctx.store.teams.find(
    (t) => t.org.toLowerCase() === ctx.org.login.toLowerCase() && t.slug === ctx.params.team_slug,
  );
  const login = ctx.params.username ?? '';
  if (!team || !team.members.some((m) => m.toLowerCase() === login.toLowerCase())) throw notFound();
  const url = `${ctx.apiBase}/teams/${team.id}/memberships/${encodeURIComponent(login)}`;
  return { status: 200, body: { url, role: 'member', state: 'active' } };
}

export const collaboratorRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators',
    auth: 'token',
    scope: 'repo',
    handle: listCollaborators,
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/memberships/{username}',
    auth: 'token',
    scope: 'org',
    handle: teamMembership,
  },
];
