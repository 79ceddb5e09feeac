import { findBranch, filesAtRef, headShaOf, isEmptyRepo } from '../branches.js';
import { resolveCommit, runGit } from '../git.js';
import { HttpError, notFound } from '../http-error.js';
import type { Route, RouteContext } from '../router.js';
import { assertWritable } from './actor.js';
import { emitPushEvent, eventSourceOf } from '../webhook-events.js';

/**
 * Branch references: read one, create one. Only `refs/heads/*` (no tags). A map-backed repository's
 * branches live in `Store.branches` (branches.ts); a git-backed one's in its git directory.
 * https://docs.github.com/rest/git/refs
 */

function renderRef(ctx: RouteContext, ref: string, sha: string): Record<string, unknown> {
  const base = `${ctx.apiBase}/repos/${ctx.repo.owner}/${ctx.repo.name}/git`;
  return {
    ref,
    node_id: Buffer.from(`0REF${ctx.repo.id}:${ref}`).toString('base64'),
    url: `${base}/${ref}`,
    object: { type: 'commit', sha, url: `${base}/commits/${sha}` },
  };
}

/** The head of branch `name`, or null. */
async function branchHead(ctx: RouteContext, name: string): Promise<string | null> {
  if (ctx.repo.gitDir) return resolveCommit(ctx.repo.gitDir, `refs/heads/${name}`);
  const branch = findBranch(ctx.store, ctx.repo, name);
  return branch ? headShaOf(branch.files) : null;
}

/** `GET /repos/{owner}/{repo}/git/ref/{ref}`, `ref` as `heads/<branch>`. https://docs.github.com/rest/git/refs#get-a-reference */
async function getRef(ctx: RouteContext) {
  if (isEmptyRepo(ctx.repo)) throw new HttpError(409, 'Git Repository is empty.');
  const ref = ctx.params.ref ?? '';
  if (!ref.startsWith('heads/')) throw notFound();
  const sha = await branchHead(ctx, ref.slice('heads/'.length));
  if (!sha) throw notFound();
  return { status: 200, body: renderRef(ctx, `refs/${ref}`, sha) };
}

/**
 * `POST /repos/{owner}/{repo}/git/refs` with `{ ref: "refs/heads/<branch>", sha }`: 422 when the
 * reference exists or the commit does not. https://docs.github.com/rest/git/refs#create-a-reference
 */
async function createRef(ctx: RouteContext) {
  assertWritable(ctx);
  const { ref, sha } = ctx.body;
  if (
    typeof ref !== 'string' ||
    !/^refs\/heads\/[^\s~^:?*[\\]+$/.test(ref) ||
    ref.endsWith('/') ||
    ref.includes('..')
  ) {
    throw new HttpError(422, "Reference name must start with 'refs/' and have at least two slashes.");
  }
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha)) throw new HttpError(422, 'Object does not exist');
  const name = ref.slice('refs/heads/'.length);
  if (await branchHead(ctx, name)) throw new HttpError(422, 'Reference already exists');
  if (ctx.repo.gitDir) {
    if (!(await resolveCommit(ctx.repo.gitDir, sha))) throw new HttpError(422, 'Object does not exist');
    await runGit(ctx.repo.gitDir, ['update-ref', ref, sha]);
  } else {
    const files = filesAtRef(ctx.store, ctx.repo, sha);
    if (!files) throw new HttpError(422, 'Object does not exist');
    ctx.store.branches.push({ repoId: ctx.repo.id, name, files: new Map(files) });
  }
  emitPushEvent(eventSourceOf(ctx), { ref, before: '0'.repeat(40), after: sha, created: true });
  const rendered = renderRef(ctx, ref, sha);
  return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
}

export const gitRefRoutes: Route[] = [
  { method: 'GET', path: '/repos/{owner}/{repo}/git/ref/{ref}', auth: 'token', scope: 'repo', handle: getRef },
  { method: 'POST', path: '/repos/{owner}/{repo}/git/refs', auth: 'token', scope: 'repo', handle: createRef },
];
