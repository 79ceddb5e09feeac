import { readlink, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Notice } from '../types.js';

/**
 * Whether a symlink points inside the scanned root (`rootReal` is the root's realpath). A
 * dangling link is judged by where its text points. Links are never followed either way: a
 * target inside is listed on its own, a target outside is not ours to scan.
 */
export async function isSymlinkInside(rootReal: string, absLink: string): Promise<boolean> {
  const target = await realpath(absLink).catch(async () =>
    resolve(await realpath(dirname(absLink)), await readlink(absLink)),
  );
  const rel = relative(rootReal, target);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export function symlinkOutsideNotice(path: string): Notice {
  return { path, reason: 'symlink-outside', message: 'symlink to a target outside the scanned folder, not followed' };
}

/** A symlink inside the root is skipped quietly; one pointing out of it is a notice. */
export async function symlinkNotice(rootReal: string, root: string, path: string): Promise<Notice | undefined> {
  const inside = await isSymlinkInside(rootReal, resolve(root, path)).catch(() => false);
  return inside ? undefined : symlinkOutsideNotice(path);
}
