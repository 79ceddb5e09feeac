import { runGit } from './git.js';

export interface GitCommit {
  sha: string;
  tree: string;
  parents: string[];
  author: { name: string; email: string; date: string };
  committer: { name: string; email: string; date: string };
  message: string;
}

export interface DiffFile {
  filename: string;
  previousFilename: string | null;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed';
  additions: number;
  deletions: number;
  sha: string;
  /** Hunks only, as GitHub shows them; absent for binary files and diffs past the size cap. */
  patch: string | null;
}

/** Git's empty tree: what a root commit is compared with. */
export const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

const FORMAT = ['%H', '%T', '%P', '%an', '%ae', '%aI', '%cn', '%ce', '%cI', '%B'].join('%x1f') + '%x1e';

const utc = (iso: string): string => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Commits printed by `git log <args>`, parsed. */
export async function logCommits(dir: string, args: string[]): Promise<GitCommit[]> {
  const out = await runGit(dir, ['log', `--format=${FORMAT}`, ...args]);
  return out
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha = '', tree = '', parents = '', an = '', ae = '', ad = '', cn = '', ce = '', cd = '', message = ''] =
        record.split('\x1f');
      return {
        sha,
        tree,
        parents: parents.split(' ').filter(Boolean),
        author: { name: an, email: ae, date: utc(ad) },
        committer: { name: cn, email: ce, date: utc(cd) },
        message: message.replace(/\n+$/, ''),
      };
    });
}

const STATUS: Record<string, DiffFile['status']> = {
  A: 'added',
  D: 'removed',
  M: 'modified',
  R: 'renamed',
  C: 'copied',
  T: 'changed',
};

/**
 * The files changed between two commits, in git's path order, with GitHub's fields. Three git
 * calls (raw, numstat, patch) print files in the same order, so they are zipped by position.
 */
export async function diffFiles(dir: string, base: string, head: string, maxPatchBytes: number): Promise<DiffFile[]> {
  const [raw, numstat, patch] = await Promise.all([
    runGit(dir, ['diff', '--raw', '-z', '-M', '--no-abbrev', base, head]),
    runGit(dir, ['diff', '--numstat', '-z', '-M', base, head]),
    runGit(dir, ['diff', '-M', '--no-ext-diff', '--no-color', base, head]),
  ]);
  const entries = parseRaw(raw);
  const counts = parseNumstat(numstat);
  const patches = splitPatch(patch);
  return entries.map((entry, index) => {
    const count = counts[index] ?? { additions: 0, deletions: 0, binary: false };
    const hunks = patches[index] ?? null;
    const tooLarge = hunks !== null && Buffer.byteLength(hunks) > maxPatchBytes;
    return {
      ...entry,
      additions: count.additions,
      deletions: count.deletions,
      patch: count.binary || tooLarge ? null : hunks,
    };
  });
}

function parseRaw(raw: string): Array<Omit<DiffFile, 'additions' | 'deletions' | 'patch'>> {
  const fields = raw.split('\0');
  const out: Array<Omit<DiffFile, 'additions' | 'deletions' | 'patch'>> = [];
  for (let i = 0; i < fields.length; i += 1) {
    const meta = fields[i];
    if (!meta?.startsWith(':')) continue;
    const [, , oldSha = '', newSha = '', code = ''] = meta.slice(1).split(' ');
    const letter = code.charAt(0);
    const first = fields[++i] ?? '';
    const renamed = letter === 'R' || letter === 'C';
    const second = renamed ? (fields[++i] ?? '') : null;
    out.push({
      filename: second ?? first,
      previousFilename: renamed ? first : null,
      status: STATUS[letter] ?? 'modified',
      sha: letter === 'D' ? oldSha : newSha,
    });
  }
  return out;
}

function parseNumstat(numstat: string): Array<{ additions: number; deletions: number; binary: boolean }> {
  const fields = numstat.split('\0');
  const out: Array<{ additions: number; deletions: number; binary: boolean }> = [];
  for (let i = 0; i < fields.length; i += 1) {
    const field = fields[i];
    if (!field) continue;
    const [added = '', deleted = '', path = ''] = field.split('\t');
    // A rename prints an empty path, then the old and new paths as two more fields.
    if (path === '') i += 2;
    out.push({ additions: Number(added) || 0, deletions: Number(deleted) || 0, binary: added === '-' });
  }
  return out;
}

/** Splits `git diff` output per file and keeps the hunks (from the first `@@`). */
function splitPatch(patch: string): Array<string | null> {
  const chunks = patch.split(/^(?=diff --git )/m).filter((chunk) => chunk.startsWith('diff --git '));
  return chunks.map((chunk) => {
    const start = chunk.search(/^@@ /m);
    return start === -1 ? null : chunk.slice(start).replace(/\n$/, '');
  });
}
