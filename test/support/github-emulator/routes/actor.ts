import { HttpError, notFound, validationFailed } from '../http-error.js';
import type { RouteContext } from '../router.js';
import type { IssueRecord } from '../types.js';

/**
 * Who writes: an App's installation token acts as `<slug>[bot]`, a job's token as
 * `github-actions[bot]`. The bot account is created on first use, as GitHub shows it.
 */
export function actorOf(ctx: RouteContext): { login: string; appId: number | null } {
  if (ctx.principal.kind !== 'token') throw new HttpError(403, 'Resource not accessible by integration');
  const installationId = ctx.principal.token.installationId;
  const app =
    installationId === null ? undefined : ctx.store.apps.get(ctx.store.installations.get(installationId)?.appId ?? -1);
  const login = app ? `${app.slug}[bot]` : 'github-actions[bot]';
  if (!ctx.store.account(login)) {
    ctx.store.accounts.set(login.toLowerCase(), {
      id: ctx.store.nextId(),
      login,
      type: 'Bot',
      name: null,
      createdAt: ctx.clock.now(),
    });
  }
  return { login, appId: app?.id ?? null };
}

/** Archived repositories are read-only. */
export function assertWritable(ctx: RouteContext): void {
  if (ctx.repo.archived) throw new HttpError(403, 'Repository was archived so is read-only.');
}

/**
 * Issue and comment bodies hold at most 65,536 characters; past that GitHub answers 422.
 * https://github.com/orgs/community/discussions/27190
 */
export function assertBodySize(ctx: RouteContext, resource: 'Issue' | 'IssueComment', body: unknown): void {
  if (typeof body === 'string' && body.length > ctx.limits.bodyMaxChars) {
    throw validationFailed(
      resource,
      'body',
      'custom',
      `body is too long (maximum is ${ctx.limits.bodyMaxChars} characters)`,
    );
  }
}

/** Label names from `["a"]` or `[{ name: "a" }]`, both of which GitHub accepts. */
export function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item === 'string') return [item];
    if (item && typeof item === 'object' && typeof (item as { name?: unknown }).name === 'string')
      return [(item as { name: string }).name];
    return [];
  });
}

export function issueOf(ctx: RouteContext): IssueRecord {
  const issue = ctx.store.issue(ctx.repo.id, Number(ctx.params.issue_number));
  if (!issue) throw notFound();
  return issue;
}
