import { isoSeconds } from '../clock.js';
import { notFound } from '../http-error.js';
import { paginate, VARIABLE_CAPS } from '../pagination.js';
import { ghostAccount, nodeId, renderSimpleUser } from '../render/accounts.js';
import type { Route, RouteContext } from '../router.js';
import type { EnvironmentRecord, VariableRecord } from '../types.js';
import { visibleToRepo } from './secrets.js';

/**
 * An environment with its protection rules as GitHub lists them: one rule per kind
 * (`wait_timer`, `required_reviewers`, `branch_policy`).
 * https://docs.github.com/rest/deployments/environments#get-an-environment
 */
function renderEnvironment(ctx: RouteContext, env: EnvironmentRecord): Record<string, unknown> {
  const { owner, name } = ctx.repo;
  const rules: Array<Record<string, unknown>> = [];
  if (env.waitTimer > 0)
    rules.push({
      id: env.id * 10 + 1,
      node_id: nodeId('G', env.id * 10 + 1),
      type: 'wait_timer',
      wait_timer: env.waitTimer,
    });
  if (env.reviewers.length > 0) {
    const reviewers = env.reviewers.map((login) => ({
      type: 'User',
      reviewer: renderSimpleUser(ctx, ctx.store.account(login) ?? ghostAccount(login)),
    }));
    rules.push({
      id: env.id * 10 + 2,
      node_id: nodeId('G', env.id * 10 + 2),
      type: 'required_reviewers',
      prevent_self_review: false,
      reviewers,
    });
  }
  if (env.branchPolicy)
    rules.push({ id: env.id * 10 + 3, node_id: nodeId('G', env.id * 10 + 3), type: 'branch_policy' });
  return {
    id: env.id,
    node_id: nodeId('E', env.id),
    name: env.name,
    url: `${ctx.apiBase}/repos/${owner}/${name}/environments/${encodeURIComponent(env.name)}`,
    html_url: `${ctx.htmlBase}/${owner}/${name}/deployments/activity_log?environments_filter=${encodeURIComponent(env.name)}`,
    created_at: isoSeconds(env.createdAt),
    updated_at: isoSeconds(env.updatedAt),
    protection_rules: rules,
    deployment_branch_policy: env.branchPolicy
      ? {
          protected_branches: env.branchPolicy.protectedBranches,
          custom_branch_policies: env.branchPolicy.customBranchPolicies,
        }
      : null,
  };
}

function renderVariable(ctx: RouteContext, variable: VariableRecord, withVisibility: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    name: variable.name,
    value: variable.value,
    created_at: isoSeconds(variable.createdAt),
    updated_at: isoSeconds(variable.updatedAt),
  };
  if (withVisibility && variable.visibility) {
    out.visibility = variable.visibility;
    if (variable.visibility === 'selected')
      out.selected_repositories_url = `${ctx.apiBase}/orgs/${variable.owner}/actions/variables/${variable.name}/repositories`;
  }
  return out;
}

function environmentOf(ctx: RouteContext): EnvironmentRecord {
  const env = ctx.store.environment(ctx.repo.id, ctx.params.environment_name ?? '');
  if (!env) throw notFound();
  return env;
}

/** Variables page at 30, not 100. https://docs.github.com/rest/actions/variables */
function variableList(ctx: RouteContext, variables: VariableRecord[], withVisibility = false) {
  const sorted = [...variables].sort((a, b) => a.name.localeCompare(b.name));
  const page = paginate(ctx, sorted, VARIABLE_CAPS);
  const body = { total_count: sorted.length, variables: page.items.map((v) => renderVariable(ctx, v, withVisibility)) };
  return { status: 200, body, headers: page.headers };
}

const repoKey = (ctx: RouteContext): string => `${ctx.repo.owner}/${ctx.repo.name}`.toLowerCase();

/*
 * Listing or reading an environment needs Actions: read by GitHub's permission map (see
 * github-permissions.json) — not Environments, not Metadata — on a private repository. A public
 * repository answers anyone ("OAuth app tokens … need the `repo` scope to use this endpoint with a
 * private repository", GitHub's OpenAPI description), hence `publicRead`.
 */

export const environmentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments',
    auth: 'token',
    scope: 'repo',
    publicRead: true,
    handle: (ctx) => {
      const envs = [...ctx.store.environmentsOf(ctx.repo.id)].sort((a, b) => a.name.localeCompare(b.name));
      const page = paginate(ctx, envs);
      return {
        status: 200,
        body: { total_count: envs.length, environments: page.items.map((env) => renderEnvironment(ctx, env)) },
        headers: page.headers,
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}',
    auth: 'token',
    scope: 'repo',
    publicRead: true,
    handle: (ctx) => ({ status: 200, body: renderEnvironment(ctx, environmentOf(ctx)) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/variables',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) =>
      variableList(
        ctx,
        ctx.store.variables.filter((v) => v.scope === 'repo' && v.owner.toLowerCase() === repoKey(ctx)),
      ),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/environments/{environment_name}/variables',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => {
      const env = environmentOf(ctx);
      return variableList(
        ctx,
        ctx.store.variables.filter(
          (v) => v.scope === 'environment' && v.owner.toLowerCase() === repoKey(ctx) && v.environment === env.name,
        ),
      );
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/actions/organization-variables',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) =>
      variableList(
        ctx,
        ctx.store.variables.filter(
          (v) =>
            v.scope === 'org' && v.owner.toLowerCase() === ctx.repo.owner.toLowerCase() && visibleToRepo(v, ctx.repo),
        ),
      ),
  },
  {
    method: 'GET',
    path: '/orgs/{org}/actions/variables',
    auth: 'token',
    scope: 'org',
    handle: (ctx) =>
      variableList(
        ctx,
        ctx.store.variables.filter((v) => v.scope === 'org' && v.owner.toLowerCase() === ctx.org.login.toLowerCase()),
        true,
      ),
  },
];
