import { isoSeconds } from '../clock.js';
import { notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderMinimalRepo } from '../render/repos.js';
import type { Route, RouteContext } from '../router.js';
import type { RepoRecord, SecretRecord, SecretScope } from '../types.js';

/**
 * Secret metadata, never values — GitHub returns `{ name, created_at, updated_at }` (org secrets add
 * `visibility`), and `updated_at` is the only rotation signal. Every list takes `per_page` ≤ 100.
 * https://docs.github.com/rest/actions/secrets
 */
function renderSecret(ctx: RouteContext, secret: SecretRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: secret.name,
    created_at: isoSeconds(secret.createdAt),
    updated_at: isoSeconds(secret.updatedAt),
  };
  if (secret.visibility) {
    out.visibility = secret.visibility;
    if (secret.visibility === 'selected') {
      const kind = secret.scope === 'dependabot-org' ? 'dependabot' : 'actions';
      out.selected_repositories_url = `${ctx.apiBase}/orgs/${secret.owner}/${kind}/secrets/${secret.name}/repositories`;
    }
  }
  return out;
}

const repoKey = (repo: RepoRecord): string => `${repo.owner}/${repo.name}`;

function select(
  ctx: RouteContext,
  scope: SecretScope,
  owner: string,
  environment: string | null = null,
): SecretRecord[] {
  return [...ctx.store.secretsOf(scope, owner, environment)].sort((a, b) => a.name.localeCompare(b.name));
}

/** Org secrets a repository can use: visibility `all`, `private` (non-public repos) or `selected`. */
export function visibleToRepo(
  secret: { visibility: string | null; selectedRepoIds: number[] },
  repo: RepoRecord,
): boolean {
  if (secret.visibility === 'all') return true;
  if (secret.visibility === 'private') return repo.visibility !== 'public';
  return secret.selectedRepoIds.includes(repo.id);
}

function listOf(ctx: RouteContext, secrets: SecretRecord[]) {
  const page = paginate(ctx, secrets);
  return {
    status: 200,
    body: { total_count: secrets.length, secrets: page.items.map((s) => renderSecret(ctx, s)) },
    headers: page.headers,
  };
}

function one(ctx: RouteContext, secrets: SecretRecord[]) {
  const wanted = (ctx.params.secret_name ?? '').toUpperCase();
  const found = secrets.find((s) => s.name === wanted);
  if (!found) throw notFound();
  return { status: 200, body: renderSecret(ctx, found) };
}

function environmentSecrets(ctx: RouteContext): SecretRecord[] {
  const name = ctx.params.environment_name ?? '';
  if (!ctx.store.environment(ctx.repo.id, name)) throw notFound();
  return select(ctx, 'environment', repoKey(ctx.repo), name);
}

const orgSecretsOf = (ctx: RouteContext, scope: SecretScope): SecretRecord[] => select(ctx, scope, ctx.org.login);

const repoRoute = (path: string, handle: Route['handle']): Route => ({
  method: 'GET',
  path,
  auth: 'token',
  scope: 'repo',
  handle,
});
const orgRoute = (path: string, handle: Route['handle']): Route => ({
  method: 'GET',
  path,
  auth: 'token',
  scope: 'org',
  handle,
});

export const secretRoutes: Route[] = [
  repoRoute('/repos/{owner}/{repo}/actions/secrets', (ctx) => listOf(ctx, select(ctx, 'repo', repoKey(ctx.repo)))),
  repoRoute('/repos/{owner}/{repo}/actions/secrets/{secret_name}', (ctx) =>
    one(ctx, select(ctx, 'repo', repoKey(ctx.repo))),
  ),
  repoRoute('/repos/{owner}/{repo}/actions/organization-secrets', (ctx) => {
    // Shown without `visibility`: the repository sees them as plain secrets.
    const visible = select(ctx, 'org', ctx.repo.owner).filter((s) => visibleToRepo(s, ctx.repo));
    return listOf(
      ctx,
      visible.map((s) => ({ ...s, visibility: null })),
    );
  }),
  repoRoute('/repos/{owner}/{repo}/environments/{environment_name}/secrets', (ctx) =>
    listOf(ctx, environmentSecrets(ctx)),
  ),
  repoRoute('/repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}', (ctx) =>
    one(ctx, environmentSecrets(ctx)),
  ),
  repoRoute('/repos/{owner}/{repo}/dependabot/secrets', (ctx) =>
    listOf(ctx, select(ctx, 'dependabot-repo', repoKey(ctx.repo))),
  ),
  orgRoute('/orgs/{org}/actions/secrets', (ctx) => listOf(ctx, orgSecretsOf(ctx, 'org'))),
  orgRoute('/orgs/{org}/actions/secrets/{secret_name}', (ctx) => one(ctx, orgSecretsOf(ctx, 'org'))),
  orgRoute('/orgs/{org}/actions/secrets/{secret_name}/repositories', (ctx) => {
    const secret = orgSecretsOf(ctx, 'org').find((s) => s.name === (ctx.params.secret_name ?? '').toUpperCase());
    if (!secret) throw notFound();
    const repos = secret.selectedRepoIds.flatMap((id) => ctx.store.repos.get(id) ?? []);
    const page = paginate(ctx, repos);
    const body = {
      total_count: repos.length,
      repositories: page.items.map((repo) => renderMinimalRepo(ctx, ctx.store, repo)),
    };
    return { status: 200, body, headers: page.headers };
  }),
  orgRoute('/orgs/{org}/dependabot/secrets', (ctx) => listOf(ctx, orgSecretsOf(ctx, 'dependabot-org'))),
];
