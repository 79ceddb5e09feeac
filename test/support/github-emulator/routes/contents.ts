import { createHash } from 'node:crypto';
import { runGit, runGitRaw } from '../git.js';
import { filesAtRef } from '../branches.js';
import { notFound } from '../http-error.js';
import type { Route, RouteContext } from '../router.js';

export interface Entry {
  type: 'file' | 'dir';
  path: string;
  sha: string;
  content?: Buffer;
  size: number;
}

/** Git's blob id, so map-backed files carry the SHA a real repository would give them. */
export const blobSha = (content: Buffer): string =>
  createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');

/** GitHub wraps base64 content at 60 characters per line, each line ending in `\n`. */
const wrapBase64 = (content: Buffer): string =>
  (content.toString('base64').match(/.{1,60}/g) ?? []).map((line) => `${line}\n`).join('');

async function readFromGit(dir: string, ref: string, path: string): Promise<Entry | Entry[] | null> {
  const spec = `${ref}:${path}`;
  let type: string;
  try {
    type = (await runGit(dir, ['cat-file', '-t', spec])).trim();
  } catch {
    return null;
  }
  if (type === 'blob') {
    const content = await runGitRaw(dir, ['cat-file', 'blob', spec]);
    return { type: 'file', path, sha: (await runGit(dir, ['rev-parse', spec])).trim(), content, size: content.length };
  }
  const listing = await runGit(dir, ['ls-tree', '-z', '--long', spec]);
  return listing
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t');
      const [, kind, sha = '', size] = meta.split(/\s+/);
      return { type: kind === 'tree' ? 'dir' : 'file', path: `${path}/${name}`, sha, size: Number(size) || 0 };
    });
}

function readFromMap(files: Map<string, string>, path: string): Entry | Entry[] | null {
  const text = files.get(path);
  if (text !== undefined) {
    const content = Buffer.from(text, 'utf8');
    return { type: 'file', path, sha: blobSha(content), content, size: content.length };
  }
  const children = new Map<string, Entry>();
  for (const [filePath, fileText] of files) {
    if (!filePath.startsWith(`${path}/`)) continue;
    const rest = filePath.slice(path.length + 1);
    const name = rest.split('/')[0] as string;
    const isDir = rest.includes('/');
    const content = Buffer.from(fileText, 'utf8');
    children.set(
      name,
      isDir
        ? { type: 'dir', path: `${path}/${name}`, sha: blobSha(Buffer.from(name)), size: 0 }
        : { type: 'file', path: filePath, sha: blobSha(content), size: content.length },
    );
  }
  return children.size > 0 ? [...children.values()] : null;
}

export function render(ctx: RouteContext, ref: string, entry: Entry): Record<string, unknown> {
  const { owner, name } = ctx.repo;
  const url = `${ctx.apiBase}/repos/${owner}/${name}/contents/${entry.path}?ref=${encodeURIComponent(ref)}`;
  const gitUrl = `${ctx.apiBase}/repos/${owner}/${name}/git/${entry.type === 'dir' ? 'trees' : 'blobs'}/${entry.sha}`;
  const htmlUrl = `${ctx.htmlBase}/${owner}/${name}/${entry.type === 'dir' ? 'tree' : 'blob'}/${ref}/${entry.path}`;
  const out: Record<string, unknown> = {
    type: entry.type,
    size: entry.size,
    name: entry.path.split('/').pop(),
    path: entry.path,
    sha: entry.sha,
    url,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: entry.type === 'file' ? `${ctx.htmlBase}/raw/${owner}/${name}/${ref}/${entry.path}` : null,
    _links: { self: url, git: gitUrl, html: htmlUrl },
  };
  if (entry.content) Object.assign(out, { content: wrapBase64(entry.content), encoding: 'base64' });
  return out;
}

/**
 * `GET /repos/{owner}/{repo}/contents/{path}`: a file as base64, a directory as an array, or with
 * `Accept: application/vnd.github.raw` the bytes themselves — the form Probot's `context.config`
 * asks for (it then falls back to the owner's `.github` repository on 404).
 * https://docs.github.com/rest/repos/contents#get-repository-content
 */
async function getContent(ctx: RouteContext) {
  const ref = ctx.query.get('ref') ?? ctx.repo.defaultBranch;
  const path = (ctx.params.path ?? '').replace(/^\/+|\/+$/g, '');
  let found: Entry | Entry[] | null;
  if (ctx.repo.gitDir) found = await readFromGit(ctx.repo.gitDir, ref, path);
  else {
    // Other branches (and branch heads by commit id) of a map-backed repository: branches.ts.
    const files = filesAtRef(ctx.store, ctx.repo, ref);
    found = files ? readFromMap(files, path) : null;
  }
  if (!found) throw notFound();
  if (Array.isArray(found)) return { status: 200, body: found.map((entry) => render(ctx, ref, entry)) };
  const accept = String(ctx.headers.accept ?? '');
  if (/application\/vnd\.github(\.v3)?\.raw/.test(accept)) {
    return {
      status: 200,
      text: found.content?.toString('utf8') ?? '',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  }
  return { status: 200, body: render(ctx, ref, found) };
}

export const contentRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/contents/{path}',
    auth: 'token',
    scope: 'repo',
    handle: getContent,
  },
];
