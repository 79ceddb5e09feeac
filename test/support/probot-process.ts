import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nothing listens on right now, for a child process that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls until the `probot run` child answers HTTP (any status); fails early, with its output, if it died. */
export async function waitUntilListening(child: ChildProcess, url: string, output: string[]): Promise<void> {
  // Starting Probot loads the whole app: seconds when idle, many more on a busy 2-core machine.
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`probot run exited with ${child.exitCode}:\n${output.join('')}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`probot run did not listen on ${url} within 45 s:\n${output.join('')}`);
}
