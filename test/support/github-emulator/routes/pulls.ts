import { findBranch } from '../branches.js';
import { HttpError, notFound, validationFailed } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pullHeadSha, renderPull, renderPullSimple } from '../render/pulls.js';
import type { Route, RouteContext } from '../router.js';
import { nextIssueNumber } from '../seed-work.js';
import type { IssueRecord, PullRecord } from '../types.js';
import { actorOf, assertWritable } from './actor.js';
import { emitPullEvent, eventSourceOf } from '../webhook-events.js';

/**
 * Pull requests between branches of one repository (no forks). A pull request is an issue too: its
 * number, title, body, author and state live in the issue, so issue routes see it as GitHub's do.
 * https://docs.github.com/rest/pulls/pulls
 */

interface Pair {
  issue: IssueRecord;
  pull: PullRecord;
}

function pairsOf(ctx: RouteContext): Pair[] {
  return ctx.store.pulls
    .filter((p) => p.repoId === ctx.repo.id)
    .flatMap((pull) => {
      const issue = ctx.store.issue(ctx.repo.id, pull.number);
      return issue ? [{ issue, pull }] : [];
    });
}

function pullOf(ctx: RouteContext): Pair {
  const found = pairsOf(ctx).find((p) => p.pull.number === Number(ctx.params.pull_number));
  if (!found) throw notFound();
  return found;
}

/** `head` as `owner:branch` (GitHub's filter form) or a bare branch name: the branch. */
function headBranch(ctx: RouteContext, head: string): string | null {
  const colon = head.indexOf(':');
  if (colon < 0) return head;
  return head.slice(0, colon).toLowerCase() === ctx.repo.owner.toLowerCase() ? head.slice(colon + 1) : null;
}

/** https://docs.github.com/rest/pulls/pulls#list-pull-requests */
function listPulls(ctx: RouteContext) {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state)) throw validationFailed('PullRequest', 'state', 'invalid');
  const head = q.get('head');
  const wantedHead = head ? headBranch(ctx, head) : undefined;
  const base = q.get('base');
  const sort = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? (sort === 'created' ? 'desc' : 'asc');
  const pairs = pairsOf(ctx)
    .filter(({ issue }) => state === 'all' || issue.state === state)
    .filter(({ pull }) => wantedHead === undefined || pull.head === wantedHead)
    .filter(({ pull }) => !base || pull.base === base);
  const key = ({ issue }: Pair): number => (sort === 'updated' ? issue.updatedAt.getTime() : issue.number);
  pairs.sort((a, b) => (direction === 'asc' ? key(a) - key(b) : key(b) - key(a)));
  const page = paginate(ctx, pairs);
  return {
    status: 200,
    body: page.items.map(({ issue, pull }) => renderPullSimple(ctx, ctx.store, ctx.repo, issue, pull)),
    headers: page.headers,
  };
}

function assertBody(ctx: RouteContext, body: unknown): void {
  if (typeof body === 'string' && body.length > ctx.limits.bodyMaxChars) {
    throw validationFailed(
      'PullRequest',
      'body',
      'custom',
      `body is too long (maximum is ${ctx.limits.bodyMaxChars} characters)`,
    );
  }
}

/** GitHub's own uniqueness: one open pull request per head and base. https://docs.github.com/rest/pulls/pulls#create-a-pull-request */
function createPull(ctx: RouteContext) {
  assertWritable(ctx);
  const { title, body, head, base } = ctx.body;
  for (const [field, value] of Object.entries({ title, head, base })) {
    if (typeof value !== 'string' || value.trim() === '') throw validationFailed('PullRequest', field, 'missing_field');
  }
  assertBody(ctx, body);
  const headName = headBranch(ctx, head as string);
  const headFiles = headName === null ? undefined : findBranch(ctx.store, ctx.repo, headName)?.files;
  if (headName === null || !headFiles) throw validationFailed('PullRequest', 'head', 'invalid');
  const baseFiles = findBranch(ctx.store, ctx.repo, base as string)?.files;
  if (!baseFiles) throw validationFailed('PullRequest', 'base', 'invalid');
  const differs =
    headFiles.size !== baseFiles.size || [...headFiles].some(([path, text]) => baseFiles.get(path) !== text);
  if (!differs)
    throw validationFailed('PullRequest', 'head', 'custom', `No commits between ${String(base)} and ${headName}`);
  if (pairsOf(ctx).some(({ issue, pull }) => issue.state === 'open' && pull.head === headName && pull.base === base)) {
    throw validationFailed(
      'PullRequest',
      'head',
      'custom',
      `A pull request already exists for ${ctx.repo.owner}:${headName}.`,
    );
  }
  const actor = actorOf(ctx);
  const now = ctx.clock.now();
  const issue: IssueRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    number: nextIssueNumber(ctx.store, ctx.repo.id),
    title: title as string,
    body: typeof body === 'string' ? body : null,
    user: actor.login,
    state: 'open',
    stateReason: null,
    labels: [],
    assignees: [],
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    viaAppId: actor.appId,
  };
  const pull: PullRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    number: issue.number,
    head: headName,
    base: base as string,
    headSha: '',
    draft: ctx.body.draft === true,
    maintainerCanModify: ctx.body.maintainer_can_modify !== false,
    mergedAt: null,
    mergedBy: null,
  };
  pull.headSha = pullHeadSha(ctx.store, ctx.repo, pull);
  ctx.store.issues.push(issue);
  ctx.store.pulls.push(pull);
  emitPullEvent(eventSourceOf(ctx), 'opened', issue, pull);
  const rendered = renderPull(ctx, ctx.store, ctx.repo, issue, pull);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
}

/** Title, body, state and base; a merged pull request stays closed. https://docs.github.com/rest/pulls/pulls#update-a-pull-request */
function updatePull(ctx: RouteContext) {
  assertWritable(ctx);
  const { issue, pull } = pullOf(ctx);
  const patch = ctx.body;
  assertBody(ctx, patch.body);
  if (patch.title !== undefined && (typeof patch.title !== 'string' || patch.title === ''))
    throw validationFailed('PullRequest', 'title', 'invalid');
  if (patch.state !== undefined && patch.state !== 'open' && patch.state !== 'closed')
    throw validationFailed('PullRequest', 'state', 'invalid');
  if (patch.base !== undefined && (typeof patch.base !== 'string' || !findBranch(ctx.store, ctx.repo, patch.base)))
    throw validationFailed('PullRequest', 'base', 'invalid');
  if (patch.state === 'open' && issue.state === 'closed') {
    if (pull.mergedAt)
      throw new HttpError(422, 'Validation Failed', {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'state cannot be changed. The pull request cannot be reopened.',
          },
        ],
      });
    if (!findBranch(ctx.store, ctx.repo, pull.head))
      throw validationFailed('PullRequest', 'state', 'custom', 'state cannot be changed. The head branch was deleted.');
  }
  const was = { title: issue.title, body: issue.body, state: issue.state };
  if (typeof patch.title === 'string') issue.title = patch.title;
  if (patch.body !== undefined) issue.body = typeof patch.body === 'string' ? patch.body : null;
  if (typeof patch.base === 'string') pull.base = patch.base;
  if (patch.state === 'closed' && issue.state === 'open') issue.closedAt = ctx.clock.now();
  if (patch.state === 'open') issue.closedAt = null;
  if (patch.state !== undefined) issue.state = patch.state as 'open' | 'closed';
  pull.headSha = pullHeadSha(ctx.store, ctx.repo, pull);
  issue.updatedAt = ctx.clock.now();
  const changes = {
    ...(was.title !== issue.title && { title: { from: was.title } }),
    ...(was.body !== issue.body && { body: { from: was.body ?? '' } }),
  };
  if (Object.keys(changes).length > 0) emitPullEvent(eventSourceOf(ctx), 'edited', issue, pull, changes);
  if (was.state !== issue.state)
    emitPullEvent(eventSourceOf(ctx), issue.state === 'closed' ? 'closed' : 'reopened', issue, pull);
  return { status: 200, body: renderPull(ctx, ctx.store, ctx.repo, issue, pull) };
}

export const pullRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/pulls', auth: 'token', scope: 'repo', handle: listPulls },
  { method: 'POST', path: '/repos/{owner}/{repo}/pulls', auth: 'token', scope: 'repo', handle: createPull },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => {
      const { issue, pull } = pullOf(ctx);
      return { status: 200, body: renderPull(ctx, ctx.store, ctx.repo, issue, pull) };
    },
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/pulls/{pull_number}',
    auth: 'token',
    scope: 'repo',
    handle: updatePull,
  },
];
