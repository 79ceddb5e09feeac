import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));
const SHIFT_CLOCK = pathToFileURL(fileURLToPath(new URL('../support/shift-clock.mjs', import.meta.url))).href;

export interface AuditRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a user would, without blocking this process: the admin-API emulator it calls
 * answers from the test's own event loop. The process's clock is moved to the emulator's `now`
 * (support/shift-clock.mjs), so "the last hour" is the emulator's. Only the variables given reach it.
 */
export async function runAuditCli(
  args: string[],
  options: { env: Record<string, string>; now: Date; cwd?: string },
): Promise<AuditRun> {
  const child = spawn(process.execPath, ['--import', SHIFT_CLOCK, BIN, ...args], {
    cwd: options.cwd ?? mkdtempSync(join(tmpdir(), 'kh-audit-')),
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NO_COLOR: '1',
      KEY_HYGIENE_TEST_CLOCK_SHIFT_MS: String(options.now.getTime() - Date.now()),
      ...options.env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('close', resolve));
  return { code, stdout, stderr };
}
