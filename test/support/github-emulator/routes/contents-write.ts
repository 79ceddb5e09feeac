import { isoSeconds } from '../clock.js';
import { findBranch, headShaOf } from '../branches.js';
import { hasLevel } from '../auth.js';
import { HttpError, notFound } from '../http-error.js';
import type { Route, RouteContext } from '../router.js';
import { actorOf, assertWritable } from './actor.js';
import { blobSha, render } from './contents.js';
import { emitPushEvent, eventSourceOf } from '../webhook-events.js';

/**
 * A workflow file needs the App's `workflows` permission on top of `contents: write`; without it
 * GitHub refuses with this message (and a push of such a file is refused the same way).
 * https://docs.github.com/apps/creating-github-apps/registering-a-github-app/choosing-permissions-for-a-github-app
 */
function assertMayWriteWorkflow(ctx: RouteContext, path: string): void {
  if (!path.startsWith('.github/workflows/') || ctx.principal.kind !== 'token') return;
  if (hasLevel(ctx.principal.token.permissions, 'workflows', 'write')) return;
  throw new HttpError(
    403,
    `refusing to allow a GitHub App to create or update workflow \`${path}\` without \`workflows\` permission`,
    {},
    {
      'x-accepted-github-permissions': 'contents=write,workflows=write',
    },
  );
}

/** GitHub reports a bad request body as 422 "Invalid request." naming the field. */
const invalid = (detail: string): HttpError => new HttpError(422, `Invalid request.\n\n${detail}`);

function decodeContent(value: unknown): string {
  if (typeof value !== 'string') throw invalid('"content" wasn\'t supplied.');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(value)) throw new HttpError(422, 'content is not valid Base64');
  return Buffer.from(value, 'base64').toString('utf8');
}

/**
 * `PUT /repos/{owner}/{repo}/contents/{path}`: creates a file (201) or replaces it (200, `sha` of
 * the current blob required: 422 without it, 409 when it is stale) with one commit on `branch`
 * (the default branch when absent). Map-backed repositories only.
 * https://docs.github.com/rest/repos/contents#create-or-update-file-contents
 */
function putContent(ctx: RouteContext) {
  assertWritable(ctx);
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  assertMayWriteWorkflow(ctx, path);
  if (ctx.repo.gitDir)
    throw new Error('emulator: PUT contents is emulated for map-backed repositories only (seed files, not gitDir)');
  const { message, sha } = ctx.body;
  if (typeof message !== 'string' || message === '') throw invalid('"message" wasn\'t supplied.');
  const text = decodeContent(ctx.body.content);
  const branchName = typeof ctx.body.branch === 'string' ? ctx.body.branch : ctx.repo.defaultBranch;
  const branch = findBranch(ctx.store, ctx.repo, branchName);
  if (!branch) throw new HttpError(404, `Branch ${branchName} not found`);
  const current = branch.files.get(path);
  if (current === undefined && [...branch.files.keys()].some((p) => p.startsWith(`${path}/`))) throw notFound();
  if (current !== undefined) {
    if (typeof sha !== 'string') throw invalid('"sha" wasn\'t supplied.');
    const have = blobSha(Buffer.from(current, 'utf8'));
    if (sha !== have) throw new HttpError(409, `${path} does not match ${sha}`);
  }
  const parent = headShaOf(branch.files);
  branch.files.set(path, text);
  const content = Buffer.from(text, 'utf8');
  const entry = render(ctx, branchName, { type: 'file', path, sha: blobSha(content), size: content.length });
  const after = headShaOf(branch.files);
  const commit = {
    message,
    added: current === undefined ? [path] : [],
    modified: current === undefined ? [] : [path],
    at: ctx.clock.now(),
  };
  emitPushEvent(eventSourceOf(ctx), { ref: `refs/heads/${branchName}`, before: parent, after, created: false, commit });
  return {
    status: current === undefined ? 201 : 200,
    body: { content: entry, commit: renderCommit(ctx, message, after, parent) },
  };
}

function renderCommit(ctx: RouteContext, message: string, sha: string, parent: string): Record<string, unknown> {
  const { owner, name } = ctx.repo;
  const api = `${ctx.apiBase}/repos/${owner}/${name}/git`;
  const actor = actorOf(ctx);
  const account = ctx.store.account(actor.login);
  const who = {
    date: isoSeconds(ctx.clock.now()),
    name: actor.login,
    email: `${account?.id ?? 0}+${actor.login}@users.noreply.github.com`,
  };
  return {
    sha,
    node_id: Buffer.from(`0C${sha}`).toString('base64'),
    url: `${api}/commits/${sha}`,
    html_url: `${ctx.htmlBase}/${owner}/${name}/commit/${sha}`,
    author: who,
    committer: who,
    message,
    tree: { url: `${api}/trees/${sha}`, sha },
    parents: [
      { url: `${api}/commits/${parent}`, html_url: `${ctx.htmlBase}/${owner}/${name}/commit/${parent}`, sha: parent },
    ],
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

export const contentWriteRoutes: Route[] = [
  { method: 'PUT', path: '/repos/{owner}/{repo}/contents/{path}', auth: 'token', scope: 'repo', handle: putContent },
];
