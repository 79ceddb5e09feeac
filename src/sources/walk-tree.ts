import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Notice } from '../types.js';
import { mapLimit } from './map-limit.js';
import { symlinkNotice } from './symlink-inside.js';
import type { TreeListing } from './tree-listing.js';

/** Folders read at once: enough to keep the disk busy, few enough to stay under file-handle limits. */
const CONCURRENCY = 32;

/** The .gitignore rules of one folder, matched against paths relative to that folder. */
interface Rules {
  base: string;
  matcher: Ignore;
}

interface Folder {
  rel: string;
  rules: Rules[];
}

/**
 * Lists a folder that is not a git work tree: a recursive walk that honours every .gitignore on
 * the way down (a deeper file overrides a shallower one, the last matching line of a file wins,
 * an ignored folder is not entered), always skips `.git`, and never follows a symlink.
 */
export async function walkTree(root: string): Promise<TreeListing> {
  const rootReal = await realpath(root);
  const paths: string[] = [];
  const notices: Notice[] = [];
  const links: string[] = [];
  const visit = async ({ rel, rules }: Folder): Promise<Folder[]> => {
    const dir = join(root, rel);
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (rel === '') throw error;
      notices.push({
        path: rel,
        reason: 'unreadable',
        message: `could not read folder: ${error.code ?? error.message}`,
      });
      return [] as Dirent[];
    });
    const own = await loadRules(dir, rel, entries);
    const chain = own ? [...rules, own] : rules;
    const folders: Folder[] = [];
    for (const entry of entries) {
      if (entry.name === '.git') continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory();
      if (isIgnored(chain, path, isDir)) continue;
      if (isDir) folders.push({ rel: path, rules: chain });
      else if (entry.isFile()) paths.push(path);
      else if (entry.isSymbolicLink()) links.push(path);
    }
    return folders;
  };
  await drain({ rel: '', rules: [] }, visit);
  for (const notice of await mapLimit(links, CONCURRENCY, (link) => symlinkNotice(rootReal, root, link))) {
    if (notice) notices.push(notice);
  }
  return { paths: paths.sort(), notices, git: false };
}

async function loadRules(dir: string, rel: string, entries: Dirent[]): Promise<Rules | undefined> {
  if (!entries.some((e) => e.name === '.gitignore' && e.isFile())) return undefined;
  const text = await readFile(join(dir, '.gitignore'), 'utf8').catch(() => '');
  return { base: rel, matcher: ignore().add(text) };
}

/** The deepest .gitignore with an opinion (ignore, or "!" re-include) decides, as in git. */
function isIgnored(chain: Rules[], path: string, isDir: boolean): boolean {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { base, matcher } = chain[i]!;
    const sub = base ? path.slice(base.length + 1) : path;
    const verdict = matcher.test(isDir ? `${sub}/` : sub);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/** Visits folders (depth-first, so the queue stays short) with CONCURRENCY reads in flight; the first hard error rejects. */
function drain(start: Folder, visit: (f: Folder) => Promise<Folder[]>): Promise<void> {
  const queue: Folder[] = [start];
  let active = 0;
  return new Promise((resolve, reject) => {
    let failed = false;
    const pump = () => {
      if (failed) return;
      if (queue.length === 0 && active === 0) return resolve();
      while (active < CONCURRENCY && queue.length > 0) {
        active++;
        visit(queue.pop()!).then(
          (more) => {
            active--;
            queue.push(...more);
            pump();
          },
          (error: unknown) => {
            failed = true;
            reject(error);
          },
        );
      }
    };
    pump();
  });
}
