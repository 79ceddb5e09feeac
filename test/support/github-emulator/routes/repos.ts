import { HttpError, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { ghostAccount, renderOrganization, renderPublicUser, renderSimpleUser } from '../render/accounts.js';
import { renderFullRepo, renderMinimalRepo } from '../render/repos.js';
import type { Route, RouteContext } from '../router.js';
import type { RepoRole } from '../types.js';
import { contentRoutes } from './contents.js';

/**
 * The legacy `permission` field folds roles into admin/write/read/none; `role_name` keeps the role.
 * https://docs.github.com/rest/collaborators/collaborators#get-repository-permissions-for-a-user
 */
const LEGACY: Record<RepoRole, string> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

function collaboratorPermission(ctx: RouteContext) {
  const login = ctx.params.username ?? '';
  const account = ctx.store.account(login);
  if (!account) throw notFound();
  const role = ctx.store.roleOf(ctx.repo, login);
  const user = { ...renderSimpleUser(ctx, account), permissions: permissionFlags(role), role_name: role };
  return { status: 200, body: { permission: LEGACY[role], role_name: role, user } };
}

function permissionFlags(role: RepoRole): Record<string, boolean> {
  const at = (min: RepoRole): boolean =>
    ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(role) >=
    ['none', 'read', 'triage', 'write', 'maintain', 'admin'].indexOf(min);
  return { admin: at('admin'), maintain: at('maintain'), push: at('write'), triage: at('triage'), pull: at('read') };
}

function listTeams(ctx: RouteContext) {
  const teams = ctx.store.teams.filter((team) => team.org.toLowerCase() === ctx.org.login.toLowerCase());
  const page = paginate(ctx, teams);
  const url = (slug: string): string => `${ctx.apiBase}/orgs/${ctx.org.login}/teams/${slug}`;
  const body = page.items.map((team) => ({
    id: team.id,
    node_id: Buffer.from(`T${team.id}`).toString('base64'),
    url: url(team.slug),
    html_url: `${ctx.htmlBase}/orgs/${ctx.org.login}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: null,
    privacy: 'closed',
    notification_setting: 'notifications_enabled',
    permission: 'pull',
    members_url: `${url(team.slug)}/members{/member}`,
    repositories_url: `${url(team.slug)}/repos`,
    type: 'organization',
    organization_id: ctx.org.id,
    parent: null,
  }));
  return { status: 200, body, headers: page.headers };
}

export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => ({ status: 200, body: renderFullRepo(ctx, ctx.store, ctx.repo) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/collaborators/{username}/permission',
    auth: 'token',
    scope: 'repo',
    handle: collaboratorPermission,
  },
  {
    method: 'GET',
    path: '/orgs/{org}',
    auth: 'token',
    handle: (ctx) => {
      const org = ctx.store.account(ctx.params.org ?? '');
      if (!org || org.type !== 'Organization') throw notFound();
      const publicRepos = ctx.store.reposOf(org.login).filter((repo) => repo.visibility === 'public').length;
      return { status: 200, body: renderOrganization(ctx, org, publicRepos) };
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/repos',
    auth: 'token',
    scope: 'org',
    handle: (ctx) => {
      if (ctx.principal.kind !== 'token') throw notFound();
      const repos = ctx.store.tokenRepos(ctx.principal.token).filter((repo) => repo.owner === ctx.org.login);
      const page = paginate(ctx, repos);
      return {
        status: 200,
        body: page.items.map((repo) => renderMinimalRepo(ctx, ctx.store, repo)),
        headers: page.headers,
      };
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams',
    auth: 'token',
    scope: 'org',
    handle: listTeams,
  },
  {
    method: 'GET',
    path: '/orgs/{org}/teams/{team_slug}/members',
    auth: 'token',
    scope: 'org',
    handle: (ctx) => {
      const team = ctx.store.teams.find(
        (t) => t.org.toLowerCase() === ctx.org.login.toLowerCase() && t.slug === ctx.params.team_slug,
      );
      if (!team) throw notFound();
      const page = paginate(ctx, team.members);
      const body = page.items.map((login) => renderSimpleUser(ctx, ctx.store.account(login) ?? ghostAccount(login)));
      return { status: 200, body, headers: page.headers };
    },
  },
  {
    method: 'GET',
    path: '/users/{username}',
    auth: 'token',
    handle: (ctx) => {
      const account = ctx.store.account(ctx.params.username ?? '');
      if (!account) throw notFound();
      return { status: 200, body: renderPublicUser(ctx, account) };
    },
  },
  {
    method: 'GET',
    path: '/rate_limit',
    auth: 'token',
    uncounted: true,
    handle: (ctx) => {
      // Filled in by the pipeline from the caller's bucket; see rateLimitBody.
      const rate = ctx.rate;
      if (!rate) throw new HttpError(500, 'rate status missing');
      const core = { limit: rate.limit, remaining: rate.remaining, reset: rate.reset, used: rate.used };
      // Search has its own small budget the emulator does not spend.
      const search = { limit: 30, remaining: 30, reset: rate.reset, used: 0 };
      return { status: 200, body: { resources: { core, search }, rate: core } };
    },
  },
  ...contentRoutes,
];
