import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
  }
}

/**
 * Runs git in a repository and collects stdout. Config is pinned so a developer's global settings
 * (pager, colour, rename limits, quotepath) never change what the emulator answers.
 */
export async function runGit(dir: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return (await runGitRaw(dir, args, env)).toString('utf8');
}

/** Like runGit, for bytes (file contents may be binary). */
export function runGitRaw(dir: string, args: string[], env: Record<string, string> = {}): Promise<Buffer> {
  const fullArgs = ['-c', 'core.quotepath=off', '-c', 'color.ui=never', '-c', 'diff.renames=true', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn('git', fullArgs, {
      cwd: dir,
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
  });
}

/** The full SHA of a revision, or null when it names no commit. */
export async function resolveCommit(dir: string, rev: string): Promise<string | null> {
  if (rev.startsWith('-')) return null;
  try {
    return (await runGit(dir, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).trim();
  } catch {
    return null;
  }
}

/**
 * Test helper: a repository in `dir` with one commit per entry of `commits` (path → content, `null`
 * deletes), on branch `main`. Returns the commit SHAs in order.
 */
export async function buildGitRepo(
  dir: string,
  commits: Array<Record<string, string | null>>,
  branch = 'main',
): Promise<string[]> {
  await runGit(dir, ['init', '--quiet', `--initial-branch=${branch}`]);
  const shas: string[] = [];
  for (const [index, files] of commits.entries()) {
    for (const [path, content] of Object.entries(files)) {
      const target = join(dir, path);
      if (content === null) {
        await rm(target, { force: true });
      } else {
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    }
    await runGit(dir, ['add', '--all']);
    // Fixed identities and dates: the same fixture gives the same SHAs on every machine.
    const date = new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
    await runGit(dir, ['commit', '--quiet', '--allow-empty', '--no-gpg-sign', '-m', `commit ${index + 1}`], {
      GIT_AUTHOR_NAME: 'Mona Lisa',
      GIT_AUTHOR_EMAIL: 'mona@example.com',
      GIT_COMMITTER_NAME: 'Mona Lisa',
      GIT_COMMITTER_EMAIL: 'mona@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    });
    shas.push((await runGit(dir, ['rev-parse', 'HEAD'])).trim());
  }
  return shas;
}
