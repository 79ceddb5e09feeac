import { HttpError, notFound, validationFailed } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderComment, renderLabel } from '../render/issues.js';
import type { Route, RouteContext } from '../router.js';
import type { CommentRecord, LabelRecord } from '../types.js';
import { actorOf, assertBodySize, assertWritable, issueOf, labelNames } from './actor.js';
import { emitCommentEvent, emitIssueChanges, eventSourceOf, snapshotIssue } from '../webhook-events.js';

const READ = [{ issues: 'read' as const }];
const WRITE = [{ issues: 'write' as const }];

/** Labels named on an issue are created when missing, as GitHub does for writers. */
export function ensureLabels(ctx: RouteContext, names: string[]): string[] {
  return names.map((name) => {
    const existing = ctx.store.labelsOf(ctx.repo.id).find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing.name;
    ctx.store.labels.push({ id: ctx.store.nextId(), repoId: ctx.repo.id, name, color: 'ededed', description: null, isDefault: false });
    return name;
  });
}

function commentOf(ctx: RouteContext): CommentRecord {
  const comment = ctx.store.comments.find((c) => c.repoId === ctx.repo.id && c.id === Number(ctx.params.comment_id));
  if (!comment) throw notFound();
  return comment;
}

function labelOf(ctx: RouteContext, name: string): LabelRecord | undefined {
  return ctx.store.labelsOf(ctx.repo.id).find((l) => l.name.toLowerCase() === name.toLowerCase());
}

function createComment(ctx: RouteContext) {
  assertWritable(ctx);
  const issue = issueOf(ctx);
  const { body } = ctx.body;
  if (typeof body !== 'string' || body === '') throw validationFailed('IssueComment', 'body', 'missing_field');
  assertBodySize(ctx, 'IssueComment', body);
  const actor = actorOf(ctx);
  const now = ctx.clock.now();
  const comment: CommentRecord = { id: ctx.store.nextId(), repoId: ctx.repo.id, issueNumber: issue.number, body, user: actor.login, createdAt: now, updatedAt: now, viaAppId: actor.appId };
  ctx.store.comments.push(comment);
  issue.updatedAt = now;
  emitCommentEvent(eventSourceOf(ctx), issue, comment);
  const rendered = renderComment(ctx, ctx.store, ctx.repo, comment);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
}

function updateComment(ctx: RouteContext) {
  assertWritable(ctx);
  const comment = commentOf(ctx);
  const { body } = ctx.body;
  if (typeof body !== 'string' || body === '') throw validationFailed('IssueComment', 'body', 'missing_field');
  assertBodySize(ctx, 'IssueComment', body);
  const from = comment.body;
  comment.body = body;
  comment.updatedAt = ctx.clock.now();
  const issue = ctx.store.issue(ctx.repo.id, comment.issueNumber);
  if (issue && from !== body) emitCommentEvent(eventSourceOf(ctx), issue, comment, { from });
  return { status: 200, body: renderComment(ctx, ctx.store, ctx.repo, comment) };
}

function issueLabels(ctx: RouteContext, names: string[]) {
  return names.flatMap((name) => {
    const label = labelOf(ctx, name);
    return label ? [renderLabel(ctx, ctx.repo, label)] : [];
  });
}

function createLabel(ctx: RouteContext) {
  assertWritable(ctx);
  const { name, color, description } = ctx.body;
  if (typeof name !== 'string' || name === '') throw validationFailed('Label', 'name', 'missing_field');
  if (labelOf(ctx, name)) throw validationFailed('Label', 'name', 'already_exists');
  const label: LabelRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    name,
    color: typeof color === 'string' ? color.replace(/^#/, '') : 'ededed',
    description: typeof description === 'string' ? description : null,
    isDefault: false,
  };
  ctx.store.labels.push(label);
  return { status: 201, body: renderLabel(ctx, ctx.repo, label) };
}

const route = (method: Route['method'], path: string, permissions: Route['permissions'], handle: Route['handle']): Route => ({ method, path, auth: 'token', scope: 'repo', permissions, handle });

export const commentRoutes: Route[] = [
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', READ, (ctx) => {
    const issue = issueOf(ctx);
    const since = ctx.query.get('since');
    const comments = ctx.store.commentsOf(ctx.repo.id, issue.number).filter((c) => !since || c.updatedAt.getTime() >= Date.parse(since));
    const page = paginate(ctx, comments);
    return { status: 200, body: page.items.map((c) => renderComment(ctx, ctx.store, ctx.repo, c)), headers: page.headers };
  }),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', WRITE, createComment),
  route('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', READ, (ctx) => ({ status: 200, body: renderComment(ctx, ctx.store, ctx.repo, commentOf(ctx)) })),
  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', WRITE, updateComment),
  route('GET', '/repos/{owner}/{repo}/labels', READ, (ctx) => {
    const labels = [...ctx.store.labelsOf(ctx.repo.id)];
    const page = paginate(ctx, labels);
    return { status: 200, body: page.items.map((l) => renderLabel(ctx, ctx.repo, l)), headers: page.headers };
  }),
  route('POST', '/repos/{owner}/{repo}/labels', WRITE, createLabel),
  route('GET', '/repos/{owner}/{repo}/labels/{name}', READ, (ctx) => {
    const label = labelOf(ctx, ctx.params.name ?? '');
    if (!label) throw notFound();
    return { status: 200, body: renderLabel(ctx, ctx.repo, label) };
  }),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', WRITE, (ctx) => {
    assertWritable(ctx);
    const issue = issueOf(ctx);
    const before = snapshotIssue(issue);
    const added = ensureLabels(ctx, labelNames(ctx.body.labels ?? []));
    issue.labels = [...issue.labels, ...added.filter((name) => !issue.labels.includes(name))];
    issue.updatedAt = ctx.clock.now();
    emitIssueChanges(eventSourceOf(ctx), issue, before);
    return { status: 200, body: issueLabels(ctx, issue.labels) };
  }),
  route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', WRITE, (ctx) => {
    assertWritable(ctx);
    const issue = issueOf(ctx);
    const wanted = (ctx.params.name ?? '').toLowerCase();
    if (!issue.labels.some((name) => name.toLowerCase() === wanted)) throw new HttpError(404, 'Label does not exist');
    const before = snapshotIssue(issue);
    issue.labels = issue.labels.filter((name) => name.toLowerCase() !== wanted);
    issue.updatedAt = ctx.clock.now();
    emitIssueChanges(eventSourceOf(ctx), issue, before);
    return { status: 200, body: issueLabels(ctx, issue.labels) };
  }),
];
