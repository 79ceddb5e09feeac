import { HttpError, notFound, validationFailed } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderComment, renderLabel } from '../render/issues.js';
import type { Route, RouteContext } from '../router.js';
import type { CommentRecord, LabelRecord } from '../types.js';
import { actorOf, assertBodySize, assertWritable, issueOf, labelNames } from './actor.js';
import { emitCommentEvent, emitIssueChanges, eventSourceOf, snapshotIssue } from '../webhook-events.js';

/** Labels named on an issue are created when missing, as GitHub does for writers. */
export function ensureLabels(ctx: RouteContext, names: string[]): string[] {
  return names.map((name) => {
    const existing = ctx.store.labelsOf(ctx.repo.id).find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing.name;
    ctx.store.labels.push({
      id: ctx.store.nextId(),
      repoId: ctx.repo.id,
      name,
      color: 'ededed',
      description: null,
      isDefault: false,
    });
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
  const comment: CommentRecord = {
    id: ctx.store.nextId(),
    repoId: ctx.repo.id,
    issueNumber: issue.number,
    body,
    user: actor.login,
    createdAt: now,
    updatedAt: now,
    viaAppId: actor.appId,
  };
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

/** GitHub's lengths for a label: name 50 characters, description 100 (the OpenAPI description says so of the latter). */
const LABEL_NAME_MAX = 50;
const LABEL_DESCRIPTION_MAX = 100;

/**
 * `POST /repos/{owner}/{repo}/labels`. A name that exists, in any case, is 422 "Validation Failed"
 * with `{ resource: "Label", code: "already_exists", field: "name" }`, and the check and the insert
 * are one step (the emulator serves one request at a time): exactly one of several creators wins,
 * as on GitHub — what the App's issue claims rely on (app/repo/with-issue-claim.ts).
 * https://docs.github.com/rest/issues/labels#create-a-label
 */
function createLabel(ctx: RouteContext) {
  assertWritable(ctx);
  const { name, color, description } = ctx.body;
  if (typeof name !== 'string' || name === '') throw validationFailed('Label', 'name', 'missing_field');
  if ([...name].length > LABEL_NAME_MAX)
    throw validationFailed('Label', 'name', 'custom', `name is too long (maximum is ${LABEL_NAME_MAX} characters)`);
  if (typeof description === 'string' && [...description].length > LABEL_DESCRIPTION_MAX) {
    throw validationFailed(
      'Label',
      'description',
      'custom',
      `description is too long (maximum is ${LABEL_DESCRIPTION_MAX} characters)`,
    );
  }
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

/**
 * `DELETE /repos/{owner}/{repo}/labels/{name}`: 204, and the label leaves every issue that had it;
 * 404 when there is none. The array is replaced, not spliced: the store's indexes expect that
 * (store-index.ts). https://docs.github.com/rest/issues/labels#delete-a-label
 */
function deleteLabel(ctx: RouteContext) {
  assertWritable(ctx);
  const label = labelOf(ctx, ctx.params.name ?? '');
  if (!label) throw notFound();
  ctx.store.labels = ctx.store.labels.filter((l) => l !== label);
  const gone = label.name.toLowerCase();
  for (const issue of ctx.store.issuesOf(ctx.repo.id)) {
    if (issue.labels.some((n) => n.toLowerCase() === gone))
      issue.labels = issue.labels.filter((n) => n.toLowerCase() !== gone);
  }
  return { status: 204, body: undefined };
}

const route = (method: Route['method'], path: string, handle: Route['handle']): Route => ({
  method,
  path,
  auth: 'token',
  scope: 'repo',
  handle,
});

export const commentRoutes: Route[] = [
  route('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', (ctx) => {
    const issue = issueOf(ctx);
    const since = ctx.query.get('since');
    const comments = ctx.store
      .commentsOf(ctx.repo.id, issue.number)
      .filter((c) => !since || c.updatedAt.getTime() >= Date.parse(since));
    const page = paginate(ctx, comments);
    return {
      status: 200,
      body: page.items.map((c) => renderComment(ctx, ctx.store, ctx.repo, c)),
      headers: page.headers,
    };
  }),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', createComment),
  route('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', (ctx) => ({
    status: 200,
    body: renderComment(ctx, ctx.store, ctx.repo, commentOf(ctx)),
  })),
  route('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', updateComment),
  route('GET', '/repos/{owner}/{repo}/labels', (ctx) => {
    const labels = [...ctx.store.labelsOf(ctx.repo.id)];
    const page = paginate(ctx, labels);
    return { status: 200, body: page.items.map((l) => renderLabel(ctx, ctx.repo, l)), headers: page.headers };
  }),
  route('POST', '/repos/{owner}/{repo}/labels', createLabel),
  route('GET', '/repos/{owner}/{repo}/labels/{name}', (ctx) => {
    const label = labelOf(ctx, ctx.params.name ?? '');
    if (!label) throw notFound();
    return { status: 200, body: renderLabel(ctx, ctx.repo, label) };
  }),
  route('DELETE', '/repos/{owner}/{repo}/labels/{name}', deleteLabel),
  route('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', (ctx) => {
    assertWritable(ctx);
    const issue = issueOf(ctx);
    const before = snapshotIssue(issue);
    const added = ensureLabels(ctx, labelNames(ctx.body.labels ?? []));
    issue.labels = [...issue.labels, ...added.filter((name) => !issue.labels.includes(name))];
    issue.updatedAt = ctx.clock.now();
    emitIssueChanges(eventSourceOf(ctx), issue, before);
    return { status: 200, body: issueLabels(ctx, issue.labels) };
  }),
  route('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', (ctx) => {
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
