import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './probot-process.js';

export interface RedisServer {
  /** `redis://127.0.0.1:PORT`: the value for `REDIS_URL`. */
  url: string;
  port: number;
  /** Empties every database (FLUSHALL): the next test starts from nothing. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A real `redis-server` of the test's own, on a free local port:
 * loopback only, nothing saved (`--save ''`, `--appendonly no`), its working directory a temp dir.
 * Nothing is skipped when it is missing: the test fails and names the Debian package.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'key-hygiene-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new Error('redis-server is not installed: apt-get install redis-server (Debian package "redis-server")')
          : error,
      ),
    );
    void exited.then(() => reject(new Error(`redis-server exited before answering PING:\n${output.join('')}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([untilPong(port), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  failed.catch(() => undefined);
  const flush = async (): Promise<void> => {
    const answer = await send(port, 'FLUSHALL');
    if (!answer.startsWith('+OK')) throw new Error(`FLUSHALL answered ${answer}`);
  };
  return { url: `redis://127.0.0.1:${port}`, port, flush, stop };
}

/** Sends PING until the server answers +PONG (it may need a moment to listen); gives up after 10 s. */
async function untilPong(port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if ((await send(port, 'PING')).startsWith('+PONG')) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s`);
}

/** One inline command over a fresh connection; its first reply line, or '' when nothing answered. */
function send(port: number, command: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', () => undefined);
  });
}
