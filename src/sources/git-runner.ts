import { spawn } from 'node:child_process';
import { GitError } from './git-error.js';

/** A finished git command. */
export interface GitResult {
  code: number;
  stdout: Buffer;
  /** The first "fatal:"/"error:" line of stderr (or its first line), trimmed. */
  error: string;
}

/** A running git command whose stdout is read while it runs. */
export interface GitStream {
  stdout: AsyncIterable<Buffer>;
  /** Settles when git exits: resolves on exit code 0, rejects with the GitResult otherwise. */
  done: Promise<GitResult>;
  /** Kills git if it still runs (the reader stopped early). */
  stop(): void;
}

/** The narrow interface the sources use to talk to git: arguments in, bytes out, never a shell. */
export interface GitRunner {
  /** Runs `git -C <cwd> <args>` to the end. Rejects only when git cannot start. */
  run(cwd: string, args: readonly string[]): Promise<GitResult>;
  stream(cwd: string, args: readonly string[]): GitStream;
}

export interface GitRunnerOptions {
  /** The git program; "git" on PATH by default. */
  binary?: string;
  /** The environment for git; the process's own by default. */
  env?: NodeJS.ProcessEnv;
}

const STDERR_LIMIT = 64 * 1024;

export function createGitRunner(options: GitRunnerOptions = {}): GitRunner {
  const binary = options.binary ?? 'git';
  const start = (cwd: string, args: readonly string[]) => {
    // -C instead of spawn's cwd: a missing folder is then git's "cannot change to" error, not ENOENT.
    const child = spawn(binary, ['-C', cwd, ...args], {
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += d;
    });
    const exited = new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      child.once('error', (err: NodeJS.ErrnoException) => reject(startError(binary, err)));
      child.once('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stderr }));
    });
    return { child, exited };
  };

  return {
    async run(cwd, args) {
      const { child, exited } = start(cwd, args);
      const chunks: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => chunks.push(c));
      const { code, stderr } = await exited;
      return { code, stdout: Buffer.concat(chunks), error: firstErrorLine(stderr) };
    },
    stream(cwd, args) {
      const { child, exited } = start(cwd, args);
      const done = exited.then(({ code, stderr }) => {
        const result = { code, stdout: Buffer.alloc(0), error: firstErrorLine(stderr) };
        if (code !== 0) throw result;
        return result;
      });
      // The reader awaits `done` only after reading stdout; until then a failure must not go unhandled.
      done.catch(() => undefined);
      // Node drops what a child printed to a stream nobody listens to once the child exits: a reader
      // that starts late (git started early, its output read after a check) must still get it all.
      // A 'readable' listener alone buffers up to the stream's high-water mark, then lets git wait.
      child.stdout.on('readable', () => undefined);
      return {
        stdout: child.stdout,
        done,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill();
        },
      };
    },
  };
}

function startError(binary: string, err: NodeJS.ErrnoException): GitError {
  if (err.code === 'ENOENT') return new GitError('git-missing', `git was not found (tried '${binary}')`);
  return new GitError('git-failed', `could not run git: ${err.message}`);
}

function firstErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? '';
}

/** The git runner the sources use unless a test passes its own. */
export const defaultGitRunner: GitRunner = createGitRunner();
