import { isoSeconds } from '../clock.js';
import { resolveCommit } from '../git.js';
import { HttpError, notFound, validationFailed } from '../http-error.js';
import { paginate } from '../pagination.js';
import { nodeId } from '../render/accounts.js';
import { renderApp } from '../render/apps.js';
import type { Route, RouteContext } from '../router.js';
import type { CheckRunRecord } from '../types.js';
import { assertWritable } from './actor.js';
import { emitCheckRunEvents, eventSourceOf } from '../webhook-events.js';

/** The Checks API takes at most 50 annotations per request. https://docs.github.com/rest/checks/runs#update-a-check-run */
const MAX_ANNOTATIONS = 50;

function render(ctx: RouteContext, run: CheckRunRecord): Record<string, unknown> {
  const { owner, name } = ctx.repo;
  const url = `${ctx.apiBase}/repos/${owner}/${name}/check-runs/${run.id}`;
  const app = ctx.store.apps.get(run.appId);
  return {
    id: run.id,
    node_id: nodeId('K', run.id),
    head_sha: run.headSha,
    external_id: run.externalId ?? '',
    url,
    html_url: `${ctx.htmlBase}/${owner}/${name}/runs/${run.id}`,
    details_url: run.detailsUrl,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.startedAt ? isoSeconds(run.startedAt) : null,
    completed_at: run.completedAt ? isoSeconds(run.completedAt) : null,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `${url}/annotations` },
    name: run.name,
    check_suite: { id: run.id + 1 },
    app: app ? renderApp(ctx, ctx.store, app) : null,
    pull_requests: [],
  };
}

function appIdOf(ctx: RouteContext): number {
  if (ctx.principal.kind !== 'token') throw new HttpError(403, 'Resource not accessible by integration');
  const installationId = ctx.principal.token.installationId;
  // A workflow's GITHUB_TOKEN writes checks as the GitHub Actions app (id 15368 on github.com).
  return installationId === null ? 15368 : (ctx.store.installations.get(installationId)?.appId ?? 15368);
}

function applyFields(ctx: RouteContext, run: CheckRunRecord): void {
  const b = ctx.body;
  const output = b.output as { title?: string; summary?: string; text?: string; annotations?: unknown[] } | undefined;
  if (output?.annotations && output.annotations.length > MAX_ANNOTATIONS) {
    throw validationFailed(
      'CheckRun',
      'output.annotations',
      'custom',
      `Only ${MAX_ANNOTATIONS} annotations are allowed per request`,
    );
  }
  if (typeof b.name === 'string') run.name = b.name;
  if (typeof b.details_url === 'string') run.detailsUrl = b.details_url;
  if (typeof b.external_id === 'string') run.externalId = b.external_id;
  if (typeof b.started_at === 'string') run.startedAt = new Date(b.started_at);
  if (typeof b.status === 'string') run.status = b.status as CheckRunRecord['status'];
  if (typeof b.conclusion === 'string') {
    // Giving a conclusion completes the run.
    run.conclusion = b.conclusion;
    run.status = 'completed';
  }
  if (run.status === 'completed')
    run.completedAt =
      typeof b.completed_at === 'string' ? new Date(b.completed_at) : (run.completedAt ?? ctx.clock.now());
  if (output) {
    run.output = {
      title: output.title ?? run.output.title,
      summary: output.summary ?? run.output.summary,
      text: output.text ?? run.output.text,
    };
    run.annotations.push(...(output.annotations ?? []));
  }
}

async function createRun(ctx: RouteContext) {
  assertWritable(ctx);
  const { name, head_sha: headSha } = ctx.body;
  if (typeof name !== 'string' || name === '') throw validationFailed('CheckRun', 'name', 'missing_field');
  if (typeof headSha !== 'string') throw validationFailed('CheckRun', 'head_sha', 'missing_field');
  if (ctx.repo.gitDir && !(await resolveCommit(ctx.repo.gitDir, headSha))) {
    throw new HttpError(422, `No commit found for SHA: ${headSha}`);
  }
  const run: CheckRunRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    appId: appIdOf(ctx),
    name,
    headSha,
    status: 'queued',
    conclusion: null,
    detailsUrl: null,
    externalId: null,
    startedAt: ctx.clock.now(),
    completedAt: null,
    output: { title: null, summary: null, text: null },
    annotations: [],
  };
  applyFields(ctx, run);
  ctx.store.checkRuns.push(run);
  const rendered = render(ctx, run);
  emitCheckRunEvents(eventSourceOf(ctx), rendered, true, run.status === 'completed');
  return { status: 201, body: rendered };
}

function runOf(ctx: RouteContext): CheckRunRecord {
  const run = ctx.store.checkRuns.find((r) => r.repoId === ctx.repo.id && r.id === Number(ctx.params.check_run_id));
  if (!run) throw notFound();
  return run;
}

/**
 * `filter=latest` (the default) keeps the most recent run of each name from each App, as GitHub does
 * when a check is re-run; `filter=all` keeps every run.
 */
function latestOnly(runs: CheckRunRecord[]): CheckRunRecord[] {
  const newest = new Map<string, CheckRunRecord>();
  for (const run of runs) {
    const key = `${run.appId}\u0000${run.name}`;
    const seen = newest.get(key);
    if (!seen || run.id > seen.id) newest.set(key, run);
  }
  return runs.filter((run) => newest.get(`${run.appId}\u0000${run.name}`) === run);
}

/**
 * `GET /repos/{owner}/{repo}/commits/{ref}/check-runs`: the runs on a commit, newest first, filtered
 * by `check_name`, `status` and `filter`, paginated.
 * https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
 */
async function listRunsForRef(ctx: RouteContext) {
  const ref = ctx.params.ref ?? '';
  const sha = ctx.repo.gitDir ? await resolveCommit(ctx.repo.gitDir, ref) : ref;
  if (!sha) throw new HttpError(422, `No commit found for SHA: ${ref}`);
  const name = ctx.query.get('check_name');
  const status = ctx.query.get('status');
  const onCommit = ctx.store.checkRuns.filter((r) => r.repoId === ctx.repo.id && r.headSha === sha);
  const kept = ctx.query.get('filter') === 'all' ? onCommit : latestOnly(onCommit);
  const runs = kept
    .filter((r) => (name === null || r.name === name) && (status === null || r.status === status))
    .reverse();
  const page = paginate(ctx, runs);
  return {
    status: 200,
    body: { total_count: runs.length, check_runs: page.items.map((run) => render(ctx, run)) },
    headers: page.headers,
  };
}

/** An annotation as written (`output.annotations[]` of a create or update) and as GitHub lists it. */
interface AnnotationInput {
  path?: string;
  start_line?: number;
  end_line?: number;
  start_column?: number;
  end_column?: number;
  annotation_level?: string;
  title?: string;
  message?: string;
  raw_details?: string;
}

/** https://docs.github.com/rest/checks/runs#list-check-run-annotations */
function listAnnotations(ctx: RouteContext) {
  const run = runOf(ctx);
  const page = paginate(ctx, run.annotations as AnnotationInput[]);
  const { owner, name } = ctx.repo;
  const body = page.items.map((a) => ({
    path: a.path ?? '',
    start_line: a.start_line ?? 0,
    end_line: a.end_line ?? 0,
    start_column: a.start_column ?? null,
    end_column: a.end_column ?? null,
    annotation_level: a.annotation_level ?? null,
    title: a.title ?? null,
    message: a.message ?? null,
    raw_details: a.raw_details ?? null,
    blob_href: `${ctx.htmlBase}/${owner}/${name}/blob/${run.headSha}/${a.path ?? ''}`,
  }));
  return { status: 200, body, headers: page.headers };
}

export const checkRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    auth: 'token',
    scope: 'repo',
    handle: listRunsForRef,
  },
  { method: 'POST', path: '/repos/{owner}/{repo}/check-runs', auth: 'token', scope: 'repo', handle: createRun },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => {
      const run = runOf(ctx);
      // Only the App that created a check run may change it.
      if (run.appId !== appIdOf(ctx))
        throw new HttpError(
          403,
          'Invalid app_id `' + appIdOf(ctx) + '` - check run can only be modified by the GitHub App that created it.',
        );
      const wasCompleted = run.status === 'completed';
      applyFields(ctx, run);
      const rendered = render(ctx, run);
      emitCheckRunEvents(eventSourceOf(ctx), rendered, false, !wasCompleted && run.status === 'completed');
      return { status: 200, body: rendered };
    },
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => ({ status: 200, body: render(ctx, runOf(ctx)) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
    auth: 'token',
    scope: 'repo',
    handle: listAnnotations,
  },
];
