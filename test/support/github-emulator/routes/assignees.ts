import { notFound, validationFailed } from '../http-error.js';
import { renderIssue } from '../render/issues.js';
import type { Route, RouteContext } from '../router.js';
import { emitIssueChanges, eventSourceOf, snapshotIssue } from '../webhook-events.js';
import { assertWritable, issueOf } from './actor.js';

/** GitHub keeps at most 10 assignees on an issue. https://docs.github.com/issues/tracking-your-work-with-issues/using-issues/assigning-issues-and-pull-requests-to-other-github-users */
export const MAX_ASSIGNEES = 10;

/** Whether `login` may be assigned in the repository: a user who can see it (the emulator's roles stand for GitHub's access). */
export function canBeAssigned(ctx: RouteContext, login: string): boolean {
  const account = ctx.store.account(login);
  return account !== undefined && account.type === 'User' && ctx.store.roleOf(ctx.repo, login) !== 'none';
}

/** The logins of a request body's `assignees` (strings, or `{ login }` objects as the add-assignees route accepts). */
function loginsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && typeof (item as { login?: unknown }).login === 'string')
      return [(item as { login: string }).login];
    return [];
  });
}

/**
 * Assignees on create and edit: GitHub refuses the whole request (422, field `assignees`, code
 * `invalid`) when one of them cannot be assigned, and when there are more than 10 — unlike the
 * add-assignees route, which drops the first kind silently. Reported by many integrations that
 * create issues, e.g. "Validation Failed: {"value":"…","resource":"Issue","field":"assignees","code":"invalid"}".
 */
export function checkedAssignees(ctx: RouteContext, value: unknown): string[] {
  const logins = loginsOf(value);
  const refused = logins.find((login) => !canBeAssigned(ctx, login));
  if (refused !== undefined) throw validationFailed('Issue', 'assignees', 'invalid', `${refused} cannot be assigned`);
  if (logins.length > MAX_ASSIGNEES)
    throw validationFailed('Issue', 'assignees', 'invalid', `at most ${MAX_ASSIGNEES} assignees`);
  return canonical(ctx, logins);
}

/** Logins as GitHub spells them, once each. */
function canonical(ctx: RouteContext, logins: string[]): string[] {
  const out: string[] = [];
  for (const login of logins) {
    const name = ctx.store.account(login)?.login ?? login;
    if (!out.some((have) => have.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}

/**
 * "Adds up to 10 assignees to an issue. Users already assigned to an issue are not replaced."
 * Users who cannot be assigned are silently ignored; past 10 in all, 422.
 * https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue
 */
function addAssignees(ctx: RouteContext) {
  assertWritable(ctx);
  const issue = issueOf(ctx);
  const before = snapshotIssue(issue);
  const wanted = canonical(
    ctx,
    loginsOf(ctx.body.assignees).filter((login) => canBeAssigned(ctx, login)),
  );
  const next = canonical(ctx, [...issue.assignees, ...wanted]);
  if (next.length > MAX_ASSIGNEES)
    throw validationFailed('Issue', 'assignees', 'invalid', `at most ${MAX_ASSIGNEES} assignees`);
  issue.assignees = next;
  issue.updatedAt = ctx.clock.now();
  emitIssueChanges(eventSourceOf(ctx), issue, before);
  return { status: 201, body: renderIssue(ctx, ctx.store, ctx.repo, issue) };
}

/**
 * 204 when the user can be assigned in the repository, else 404.
 * https://docs.github.com/rest/issues/assignees#check-if-a-user-can-be-assigned
 */
function checkAssignee(ctx: RouteContext) {
  if (!canBeAssigned(ctx, ctx.params.assignee ?? '')) throw notFound();
  return { status: 204 };
}

export const assigneeRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/{owner}/{repo}/issues/{issue_number}/assignees',
    auth: 'token',
    scope: 'repo',
    handle: addAssignees,
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/assignees/{assignee}',
    auth: 'token',
    scope: 'repo',
    handle: checkAssignee,
  },
];
