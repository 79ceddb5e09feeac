import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI (`npm test` builds lib/ first) as a user would, in `cwd`. `timeoutMs` ends a run
 * that would hang (a test of hostile input), and shows as code null with signal SIGTERM.
 */
export function runCli(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): CliRun {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: { ...(options.env ?? process.env), NO_COLOR: '1' },
    encoding: 'utf8',
    ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * Runs the built CLI like runCli, without blocking this process: for tests whose own servers (a
 * provider's stand-in on 127.0.0.1) must answer the CLI while it runs.
 */
export function runCliAsync(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; nodeArgs?: string[] },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, ...args], {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
