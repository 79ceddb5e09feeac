import { isoSeconds } from '../clock.js';
import { hasLevel } from '../auth.js';
import { HttpError, notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderApp, renderInstallation } from '../render/apps.js';
import { renderFullRepo } from '../render/repos.js';
import type { Route, RouteContext } from '../router.js';
import { mintToken } from '../tokens.js';
import type { AppRecord, InstallationRecord, Permissions } from '../types.js';

const appOf = (ctx: RouteContext): AppRecord => {
  if (ctx.principal.kind !== 'app') throw notFound();
  return ctx.principal.app;
};

function installationOf(ctx: RouteContext, id: string | undefined): InstallationRecord {
  const installation = ctx.store.installations.get(Number(id));
  if (!installation || installation.appId !== appOf(ctx).id) throw notFound();
  return installation;
}

/** The App's installation on an account, for the `…/installation` lookups. */
function installationOn(ctx: RouteContext, login: string): InstallationRecord {
  const app = appOf(ctx);
  const found = [...ctx.store.installations.values()].find(
    (i) => i.appId === app.id && i.account.toLowerCase() === login.toLowerCase(),
  );
  if (!found) throw notFound();
  return found;
}

/**
 * `POST /app/installations/{id}/access_tokens`: a token for one hour, optionally narrowed to fewer
 * repositories or permissions (never wider: 422).
 * https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app
 */
function createAccessToken(ctx: RouteContext) {
  const installation = installationOf(ctx, ctx.params.installation_id);
  if (installation.suspendedAt) throw new HttpError(403, 'This installation has been suspended');
  const requested = ctx.body.permissions as Permissions | undefined;
  if (
    requested &&
    !Object.entries(requested).every(([name, level]) => hasLevel(installation.permissions, name, level))
  ) {
    throw new HttpError(422, 'The permissions requested are not granted to this installation.');
  }
  const reachable = ctx.store.installationRepos(installation);
  const names = (ctx.body.repositories as string[] | undefined) ?? [];
  const ids = (ctx.body.repository_ids as number[] | undefined) ?? [];
  const narrowed = [
    ...names.map((name) => reachable.find((repo) => repo.name.toLowerCase() === name.toLowerCase())),
    ...ids.map((id) => reachable.find((repo) => repo.id === id)),
  ];
  if (narrowed.some((repo) => repo === undefined)) {
    throw new HttpError(
      422,
      'There is at least one repository that does not exist or is not accessible to the parent installation.',
    );
  }
  const token = mintToken('ghs');
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.limits.tokenLifetimeMs);
  const permissions = requested ?? installation.permissions;
  const repositoryIds = narrowed.length > 0 ? narrowed.map((repo) => repo!.id) : 'all';
  ctx.store.tokens.set(token, {
    token,
    kind: 'installation',
    installationId: installation.id,
    permissions,
    repositoryIds,
    expiresAt,
  });
  const body: Record<string, unknown> = {
    token,
    expires_at: isoSeconds(expiresAt),
    permissions: { metadata: 'read', ...permissions },
    repository_selection: repositoryIds === 'all' ? installation.repositorySelection : 'selected',
  };
  if (repositoryIds !== 'all') body.repositories = narrowed.map((repo) => renderFullRepo(ctx, ctx.store, repo!));
  return { status: 201, body };
}

export const appRoutes: Route[] = [
  {
    method: 'GET',
    path: '/app',
    auth: 'app',
    handle: (ctx) => ({ status: 200, body: renderApp(ctx, ctx.store, appOf(ctx)) }),
  },
  {
    method: 'GET',
    path: '/app/installations',
    auth: 'app',
    handle: (ctx) => {
      const app = appOf(ctx);
      const mine = [...ctx.store.installations.values()].filter((i) => i.appId === app.id);
      const page = paginate(ctx, mine);
      return { status: 200, body: page.items.map((i) => renderInstallation(ctx, ctx.store, i)), headers: page.headers };
    },
  },
  {
    method: 'GET',
    path: '/app/installations/{installation_id}',
    auth: 'app',
    handle: (ctx) => ({
      status: 200,
      body: renderInstallation(ctx, ctx.store, installationOf(ctx, ctx.params.installation_id)),
    }),
  },
  {
    method: 'POST',
    path: '/app/installations/{installation_id}/access_tokens',
    auth: 'app',
    handle: createAccessToken,
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/installation',
    auth: 'app',
    handle: (ctx) => {
      const installation = installationOn(ctx, ctx.params.owner ?? '');
      const repo = ctx.store.repo(ctx.params.owner ?? '', ctx.params.repo ?? '');
      if (!repo || !ctx.store.installationRepos(installation).includes(repo)) throw notFound();
      return { status: 200, body: renderInstallation(ctx, ctx.store, installation) };
    },
  },
  {
    method: 'GET',
    path: '/orgs/{org}/installation',
    auth: 'app',
    handle: (ctx) => ({
      status: 200,
      body: renderInstallation(ctx, ctx.store, installationOn(ctx, ctx.params.org ?? '')),
    }),
  },
  {
    method: 'GET',
    path: '/users/{username}/installation',
    auth: 'app',
    handle: (ctx) => ({
      status: 200,
      body: renderInstallation(ctx, ctx.store, installationOn(ctx, ctx.params.username ?? '')),
    }),
  },
  {
    method: 'GET',
    path: '/installation/repositories',
    auth: 'token',
    handle: (ctx) => {
      if (ctx.principal.kind !== 'token' || !ctx.principal.installation)
        throw new HttpError(403, 'Resource not accessible by integration');
      const repos = ctx.store.tokenRepos(ctx.principal.token);
      const page = paginate(ctx, repos);
      const body = {
        total_count: repos.length,
        repositories: page.items.map((repo) => renderFullRepo(ctx, ctx.store, repo)),
        repository_selection: ctx.principal.installation.repositorySelection,
      };
      return { status: 200, body, headers: page.headers };
    },
  },
];
