import { validationFailed } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderIssue } from '../render/issues.js';
import type { Route, RouteContext } from '../router.js';
import { nextIssueNumber } from '../seed-work.js';
import type { IssueRecord } from '../types.js';
import { checkedAssignees } from './assignees.js';
import { actorOf, assertBodySize, assertWritable, issueOf, labelNames } from './actor.js';
import { commentRoutes, ensureLabels } from './comments.js';
import { emitIssueChanges, eventSourceOf, snapshotIssue } from '../webhook-events.js';

/** `assignee`: a login, `*` (anyone) or `none`. */
function matchesAssignee(issue: IssueRecord, assignee: string | null): boolean {
  if (!assignee) return true;
  if (assignee === '*') return issue.assignees.length > 0;
  if (assignee === 'none') return issue.assignees.length === 0;
  return issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase());
}

/** https://docs.github.com/rest/issues/issues#list-repository-issues */
function listIssues(ctx: RouteContext) {
  const q = ctx.query;
  const state = q.get('state') ?? 'open';
  const wantedLabels = (q.get('labels') ?? '')
    .split(',')
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const creator = q.get('creator')?.toLowerCase();
  const assignee = q.get('assignee');
  const since = q.get('since');
  const sortKey = q.get('sort') ?? 'created';
  const direction = q.get('direction') ?? 'desc';
  const issues = ctx.store
    .issuesOf(ctx.repo.id)
    .filter((i) => state === 'all' || i.state === state)
    .filter((i) => wantedLabels.every((l) => i.labels.some((have) => have.toLowerCase() === l)))
    .filter((i) => !creator || i.user.toLowerCase() === creator)
    .filter((i) => matchesAssignee(i, assignee))
    .filter((i) => !since || i.updatedAt.getTime() >= Date.parse(since));
  const key = (i: IssueRecord): number =>
    sortKey === 'updated'
      ? i.updatedAt.getTime()
      : sortKey === 'comments'
        ? ctx.store.commentsOf(i.repoId, i.number).length
        : i.number;
  issues.sort((a, b) => (direction === 'asc' ? key(a) - key(b) : key(b) - key(a)));
  const page = paginate(ctx, issues);
  return { status: 200, body: page.items.map((i) => renderIssue(ctx, ctx.store, ctx.repo, i)), headers: page.headers };
}

function createIssue(ctx: RouteContext) {
  assertWritable(ctx);
  const { title, body } = ctx.body;
  if (typeof title !== 'string' || title.trim() === '') throw validationFailed('Issue', 'title', 'missing_field');
  assertBodySize(ctx, 'Issue', body);
  const actor = actorOf(ctx);
  const now = ctx.clock.now();
  const labels = ensureLabels(ctx, labelNames(ctx.body.labels));
  const assignees = checkedAssignees(ctx, ctx.body.assignees ?? (ctx.body.assignee ? [ctx.body.assignee] : []));
  const issue: IssueRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    number: nextIssueNumber(ctx.store, ctx.repo.id),
    title,
    body: typeof body === 'string' ? body : null,
    user: actor.login,
    state: 'open',
    stateReason: null,
    labels,
    assignees,
    locked: false,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    viaAppId: actor.appId,
  };
  ctx.store.issues.push(issue);
  emitIssueChanges(eventSourceOf(ctx), issue, null);
  const rendered = renderIssue(ctx, ctx.store, ctx.repo, issue);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
}

function updateIssue(ctx: RouteContext) {
  assertWritable(ctx);
  const issue = issueOf(ctx);
  const before = snapshotIssue(issue);
  const patch = ctx.body;
  assertBodySize(ctx, 'Issue', patch.body);
  if (patch.title !== undefined && (typeof patch.title !== 'string' || patch.title === ''))
    throw validationFailed('Issue', 'title', 'invalid');
  if (typeof patch.title === 'string') issue.title = patch.title;
  if (patch.body !== undefined) issue.body = typeof patch.body === 'string' ? patch.body : null;
  if (patch.state !== undefined) setState(ctx, issue, patch.state, patch.state_reason);
  if (patch.labels !== undefined) issue.labels = ensureLabels(ctx, labelNames(patch.labels));
  if (patch.assignees !== undefined) issue.assignees = checkedAssignees(ctx, patch.assignees);
  issue.updatedAt = ctx.clock.now();
  emitIssueChanges(eventSourceOf(ctx), issue, before);
  return { status: 200, body: renderIssue(ctx, ctx.store, ctx.repo, issue) };
}

function setState(ctx: RouteContext, issue: IssueRecord, state: unknown, reason: unknown): void {
  if (state !== 'open' && state !== 'closed') throw validationFailed('Issue', 'state', 'invalid');
  if (state === 'closed' && issue.state === 'open') {
    issue.closedAt = ctx.clock.now();
    issue.stateReason = reason === 'not_planned' ? 'not_planned' : 'completed';
  } else if (state === 'open' && issue.state === 'closed') {
    issue.closedAt = null;
    issue.stateReason = 'reopened';
  }
  issue.state = state;
}

export const issueRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/issues', auth: 'token', scope: 'repo', handle: listIssues },
  { method: 'POST', path: '/repos/{owner}/{repo}/issues', auth: 'token', scope: 'repo', handle: createIssue },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => ({ status: 200, body: renderIssue(ctx, ctx.store, ctx.repo, issueOf(ctx)) }),
  },
  {
    method: 'PATCH',
    path: '/repos/{owner}/{repo}/issues/{issue_number}',
    auth: 'token',
    scope: 'repo',
    handle: updateIssue,
  },
  ...commentRoutes,
];
