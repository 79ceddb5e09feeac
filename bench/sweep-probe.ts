// How fast the emulator answers on the bench world, for the reads a sweep makes of each repository.
// The client runs on its own thread; what counts is the emulator's own event loop: the time it was
// busy per request (event-loop utilisation), so a slow client or a busy machine does not flatter it.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { GitHubEmulator } from '../test/support/github-emulator/index.js';
import type { SweepWorld } from './sweep-world.js';

export interface ProbeResult {
  requests: number;
  /** What the client got through, 16 requests in flight. */
  perSecond: number;
  /** Requests per second of the emulator's busy time: what it could serve with a faster client. */
  capacity: number;
  /** Answers other than 200 (there should be none). */
  failures: number;
}

// Plain JavaScript for the worker thread: `repos` is [fullName, token][]; every repository is read as
// a sweep reads it (policy file, environments, secret lists, the bot's issues).
const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, repos, requests, concurrency } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const paths = (full) => [
  '/repos/' + full + '/contents/.github%2Fkey-hygiene.yml',
  '/repos/' + full + '/environments?per_page=100',
  '/repos/' + full + '/actions/secrets?per_page=100',
  '/repos/' + full + '/actions/organization-secrets?per_page=100',
  '/repos/' + full + '/dependabot/secrets?per_page=100',
  '/repos/' + full + '/environments/development/secrets?per_page=100',
  '/repos/' + full + '/environments/staging/secrets?per_page=100',
  '/repos/' + full + '/environments/production/secrets?per_page=100',
  '/repos/' + full + '/issues?state=all&labels=key-hygiene&creator=key-hygiene%5Bbot%5D&per_page=100',
];
const get = (path, token) => new Promise((resolve, reject) => {
  const req = http.get({ host: '127.0.0.1', port, path: '/api/v3' + path, agent, headers: { authorization: 'token ' + token, accept: 'application/vnd.github+json' } }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode));
  });
  req.on('error', reject);
});
let next = 0, failures = 0;
async function lane() {
  while (next < requests) {
    const i = next++;
    const [full, token] = repos[Math.floor(i / 9) * 7919 % repos.length];
    if ((await get(paths(full)[i % 9], token)) !== 200) failures++;
  }
}
const started = performance.now();
Promise.all(Array.from({ length: concurrency }, lane)).then(() => parentPort.postMessage({ seconds: (performance.now() - started) / 1000, failures }));
`;

/** Reads `requests` times from the world's repositories (not `.github`), its budgets lifted: probe a world of its own. */
export async function probeEmulator(
  gh: GitHubEmulator,
  world: SweepWorld,
  requests = 20_000,
  concurrency = 16,
): Promise<ProbeResult> {
  const repos: Array<[string, string]> = [];
  for (const { installation } of world.installations) {
    // The probe measures the emulator, not GitHub's budget: no limit stops it.
    gh.rateLimiter.setLimit(`installation:${installation.id}`, Number.MAX_SAFE_INTEGER);
    const token = gh.seed.installationToken(installation.id);
    for (const repo of gh.store.reposOf(installation.account))
      if (repo.name !== '.github') repos.push([`${repo.owner}/${repo.name}`, token]);
  }
  const port = Number(new URL(gh.url).port);
  const before = performance.eventLoopUtilization();
  const worker = new Worker(CLIENT, { eval: true, workerData: { port, repos, requests, concurrency } });
  const { seconds, failures } = await new Promise<{ seconds: number; failures: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const busy = performance.eventLoopUtilization(before);
  await worker.terminate();
  return { requests, perSecond: requests / seconds, capacity: requests / (busy.active / 1000), failures };
}
