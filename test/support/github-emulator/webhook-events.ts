import { isoSeconds } from './clock.js';
import { ghostAccount, renderOrganization, renderSimpleUser, type Bases } from './render/accounts.js';
import { renderComment, renderIssue, renderLabel } from './render/issues.js';
import { renderPull } from './render/pulls.js';
import { renderFullRepo } from './render/repos.js';
import type { RouteContext } from './router.js';
import { actorOf } from './routes/actor.js';
import type { Store } from './store.js';
import type { CommentRecord, IssueRecord, PullRecord, RepoRecord } from './types.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { examplePayload } from './webhooks.js';

/**
 * The webhook events of the emulator's writes, in the shape of `@octokit/webhooks-examples`'
 * payloads (their top-level fields, in their order) with the emulator's own objects in them, and
 * `sender` the account that wrote: `<slug>[bot]` (type `Bot`) for an installation token.
 * https://docs.github.com/webhooks/webhook-events-and-payloads
 */

const dispatchers = new WeakMap<Store, WebhookDispatcher>();

/** The emulator's dispatcher, made once per store. */
export function dispatcherOf(store: Store): WebhookDispatcher {
  let dispatcher = dispatchers.get(store);
  if (!dispatcher) dispatchers.set(store, (dispatcher = new WebhookDispatcher(store)));
  return dispatcher;
}

/** A route's request as an event source: its repository, written by its caller (looked up only when someone listens). */
export const eventSourceOf = (ctx: RouteContext): EventSource => ({
  apiBase: ctx.apiBase,
  htmlBase: ctx.htmlBase,
  store: ctx.store,
  repo: ctx.repo,
  sender: webhooksActive(ctx.store) ? actorOf(ctx).login : '',
});

/** Where an event happened and who did it. */
export interface EventSource extends Bases {
  store: Store;
  repo: RepoRecord;
  /** Login of the writer. */
  sender: string;
}

/** The fields of an issue that its events report changes of. */
export interface IssueSnapshot {
  title: string;
  body: string | null;
  state: IssueRecord['state'];
  labels: string[];
  assignees: string[];
}

export const snapshotIssue = (issue: IssueRecord): IssueSnapshot => ({
  title: issue.title,
  body: issue.body,
  state: issue.state,
  labels: [...issue.labels],
  assignees: [...issue.assignees],
});

/** Whether anyone will get events from this store: routes skip the work when not. */
export const webhooksActive = (store: Store): boolean => dispatchers.get(store)?.active === true;

/**
 * `issues` events for what one write did to an issue: `opened` (then `labeled` and `assigned` for
 * what it was opened with) or `edited` (`changes` holds the old title and body), `closed`,
 * `reopened`, `labeled` / `unlabeled`, `assigned` / `unassigned`. A pull request's issue sends none.
 */
export function emitIssueChanges(source: EventSource, issue: IssueRecord, before: IssueSnapshot | null): void {
  if (
    !webhooksActive(source.store) ||
    source.store.pulls.some((p) => p.repoId === issue.repoId && p.number === issue.number)
  )
    return;
  const emit = (action: string, fields: Record<string, unknown> = {}) =>
    emitEvent(source, 'issues', action, { issue: renderIssue(source, source.store, source.repo, issue), ...fields });
  const was = before ?? { title: issue.title, body: issue.body, state: issue.state, labels: [], assignees: [] };
  if (!before) emit('opened');
  const changes = {
    ...(was.title !== issue.title && { title: { from: was.title } }),
    ...(was.body !== issue.body && { body: { from: was.body ?? '' } }),
  };
  if (Object.keys(changes).length > 0) emit('edited', { changes });
  if (was.state !== issue.state) emit(issue.state === 'closed' ? 'closed' : 'reopened');
  const label = (name: string) => {
    const record = source.store.labelsOf(source.repo.id).find((l) => l.name === name);
    return record ? renderLabel(source, source.repo, record) : { name };
  };
  issue.labels.filter((name) => !was.labels.includes(name)).forEach((name) => emit('labeled', { label: label(name) }));
  was.labels
    .filter((name) => !issue.labels.includes(name))
    .forEach((name) => emit('unlabeled', { label: label(name) }));
  const user = (login: string) => renderSimpleUser(source, source.store.account(login) ?? ghostAccount(login));
  issue.assignees
    .filter((login) => !was.assignees.includes(login))
    .forEach((login) => emit('assigned', { assignee: user(login) }));
  was.assignees
    .filter((login) => !issue.assignees.includes(login))
    .forEach((login) => emit('unassigned', { assignee: user(login) }));
}

/** `issue_comment.created`, or `.edited` with the old body in `changes`. */
export function emitCommentEvent(
  source: EventSource,
  issue: IssueRecord,
  comment: CommentRecord,
  edited?: { from: string },
): void {
  if (!webhooksActive(source.store)) return;
  emitEvent(source, 'issue_comment', edited ? 'edited' : 'created', {
    ...(edited && { changes: { body: { from: edited.from } } }),
    issue: renderIssue(source, source.store, source.repo, issue),
    comment: renderComment(source, source.store, source.repo, comment),
  });
}

/** `check_run.created`, and `.completed` when the run reached `completed` (its rendering is the route's). */
export function emitCheckRunEvents(
  source: EventSource,
  rendered: Record<string, unknown>,
  created: boolean,
  completedNow: boolean,
): void {
  if (!webhooksActive(source.store)) return;
  if (created) emitEvent(source, 'check_run', 'created', { check_run: rendered });
  if (completedNow) emitEvent(source, 'check_run', 'completed', { check_run: rendered });
}

/** `pull_request.opened`, `.edited` (with `changes`), `.closed`, `.reopened`. */
export function emitPullEvent(
  source: EventSource,
  action: string,
  issue: IssueRecord,
  pull: PullRecord,
  changes?: Record<string, unknown>,
): void {
  if (!webhooksActive(source.store)) return;
  emitEvent(source, 'pull_request', action, {
    number: pull.number,
    ...(changes && { changes }),
    pull_request: renderPull(source, source.store, source.repo, issue, pull),
  });
}

export interface PushSummary {
  /** `refs/heads/<branch>`. */
  ref: string;
  /** 40 zeros for a new branch. */
  before: string;
  after: string;
  created: boolean;
  /** The commit the push made, if it made one (a branch created at an existing commit made none). */
  commit?: { message: string; added: string[]; modified: string[]; at: Date };
}

/** `push`: a contents write (one commit) or a branch created through the API. */
export function emitPushEvent(source: EventSource, push: PushSummary): void {
  if (!webhooksActive(source.store)) return;
  const { owner, name } = source.repo;
  const account = source.store.account(source.sender) ?? ghostAccount(source.sender);
  const who = {
    name: source.sender,
    email: `${account.id}+${source.sender}@users.noreply.github.com`,
    username: source.sender,
  };
  const commits = push.commit
    ? [
        {
          id: push.after,
          tree_id: push.after,
          distinct: true,
          message: push.commit.message,
          timestamp: isoSeconds(push.commit.at),
          url: `${source.htmlBase}/${owner}/${name}/commit/${push.after}`,
          author: who,
          committer: who,
          added: push.commit.added,
          removed: [],
          modified: push.commit.modified,
        },
      ]
    : [];
  emitEvent(source, 'push', undefined, {
    ref: push.ref,
    before: push.before,
    after: push.after,
    created: push.created,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${source.htmlBase}/${owner}/${name}/compare/${push.created ? push.after.slice(0, 12) : `${push.before.slice(0, 12)}...${push.after.slice(0, 12)}`}`,
    commits,
    head_commit: commits[0] ?? null,
    pusher: { name: who.name, email: who.email },
  });
}

/** One event: the example's top-level fields, in its order, filled with ours; the rest dropped. */
function emitEvent(
  source: EventSource,
  event: string,
  action: string | undefined,
  fields: Record<string, unknown>,
): void {
  const { store, repo } = source;
  const owner = store.account(repo.owner) ?? ghostAccount(repo.owner);
  const sender = store.account(source.sender) ?? ghostAccount(source.sender);
  const ours: Record<string, unknown> = {
    ...(action !== undefined && { action }),
    ...fields,
    repository: renderFullRepo(source, store, repo),
    ...(owner.type === 'Organization' && { organization: organizationSimple(source, owner) }),
    sender: renderSimpleUser(source, sender),
  };
  const payload: Record<string, unknown> = {};
  for (const key of exampleKeys(event, action)) if (key in ours) payload[key] = ours[key];
  for (const [key, value] of Object.entries(ours)) if (!(key in payload)) payload[key] = value;
  dispatcherOf(store).emit({ event, payload, repo, sender: sender.login });
}

/** The top-level fields of the event's example for this action, else of its first example (`issues.closed` has none). */
function exampleKeys(event: string, action: string | undefined): string[] {
  try {
    return Object.keys(examplePayload(event, action));
  } catch {
    return Object.keys(examplePayload(event));
  }
}

/** `organization-simple`, as webhook payloads carry it. */
function organizationSimple(bases: Bases, org: Parameters<typeof renderOrganization>[1]): Record<string, unknown> {
  const full = renderOrganization(bases, org, 0);
  const keys = [
    'login',
    'id',
    'node_id',
    'url',
    'repos_url',
    'events_url',
    'hooks_url',
    'issues_url',
    'members_url',
    'public_members_url',
    'avatar_url',
    'description',
  ];
  return Object.fromEntries(keys.map((key) => [key, full[key]]));
}
