import { Probot } from 'probot';
import { createClientCare, prepareAppAuth, type ClientCare } from '../../../app/octokit/prepare-client.js';
import {
  createBullmqSweepQueue,
  type BullmqSweepQueue,
  type SweepJobEvent,
} from '../../../app/queue/bullmq-sweep-queue.js';
import { defaultQueueSettings, type QueueSettings } from '../../../app/queue/queue-settings.js';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import { createRepoLock } from '../../../app/repo/with-repo-lock.js';
import { isDashboard } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type EmulatorOptions,
  type GitHubEmulator,
  type InstallationRecord,
} from '../../support/github-emulator/index.js';
import { DAY, TestOctokit } from '../support/app-world.js';
import { PERMISSIONS } from '../support/robust-world.js';

/** Queue settings for tests: retries after 20 ms then 40 ms; a dead worker's job is back within about a second. */
export const TEST_QUEUE: Omit<QueueSettings, 'redisUrl'> = {
  ...defaultQueueSettings,
  concurrency: 2,
  attempts: 3,
  backoffMs: 20,
  lockMs: 1000,
  stalledCheckMs: 300,
};

/**
 * The app installed on the organisation `acme` with `count` repositories `acme/r01`…, each holding
 * one key 100 days old (one issue each, by the default policy), and nothing else: no `.github`
 * repository, no organisation secrets permission (its pass is skipped, with no request to a repository).
 */
export async function createQueueWorld(
  count: number,
  emulator: EmulatorOptions = {},
): Promise<{ gh: GitHubEmulator; app: AppRecord; installation: InstallationRecord; repos: string[] }> {
  const gh = await startGitHubEmulator(emulator);
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  const repos = Array.from({ length: count }, (_, i) => `acme/r${String(i + 1).padStart(2, '0')}`);
  const ago = new Date(gh.clock.now().getTime() - 100 * DAY);
  for (const fullName of repos) {
    gh.seed.repo({ fullName });
    gh.seed.secret({ scope: 'repo', repo: fullName, name: 'OPENAI_API_KEY', updatedAt: ago });
  }
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
  return { gh, app, installation, repos };
}

export interface QueueProcess {
  probot: Probot;
  /** Its caches, pacers, budgets and installation tokens (with `shareCare`, through Redis: close it). */
  care: ClientCare;
  sweeps: BullmqSweepQueue;
  /** What this "process" worked, attempt by attempt, and when (real time: BullMQ's backoff is real time). */
  events: Array<SweepJobEvent & { at: number }>;
}

/**
 * One app process on Redis, in this test's process: its own Probot (app JWT, installation tokens),
 * repository lock, caches and pacer (the pacer "sleeps" by moving the emulator's clock), and its
 * own BullMQ worker unless `work` is false. With `shareCare` its ETag cache, pacers and installation
 * tokens go through Redis, as `key-hygiene-app worker` has them (REDIS_URL and the App's PEM).
 */
export function startQueueProcess(
  gh: GitHubEmulator,
  app: AppRecord,
  redisUrl: string,
  options: {
    work?: boolean;
    settings?: Partial<AppSettings>;
    queue?: Partial<QueueSettings>;
    answerMs?: number;
    shareCare?: boolean;
  } = {},
): QueueProcess {
  const probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    logLevel: (process.env.TEST_LOG_LEVEL as 'warn' | undefined) ?? 'fatal',
  });
  const care = createClientCare(
    { now: () => gh.clock.now().getTime(), sleep: async (ms) => gh.clock.advance(ms) },
    options.shareCare ? { redisUrl, privateKey: app.privateKey } : {},
  );
  prepareAppAuth(probot, care);
  const queue: QueueSettings = { ...TEST_QUEUE, redisUrl, ...options.queue };
  const settings: AppSettings = { ...defaultSettings, sweepEveryMs: 0, queue, ...options.settings };
  const events: QueueProcess['events'] = [];
  const sweeps = createBullmqSweepQueue({
    app: probot,
    settings,
    queue,
    now: () => gh.clock.now(),
    lock: createRepoLock(),
    work: options.work ?? true,
    observe: (event) => events.push({ ...event, at: Date.now() }),
    ...(process.env.QUEUE_DEBUG && {
      log: { info: (m: string) => console.log('INFO', m), warn: (m: string) => console.log('WARN', m) },
    }),
    pollMs: 50,
    stillMs: 500,
    ...(options.answerMs !== undefined && { answerMs: options.answerMs }),
  });
  return { probot, care, sweeps, events };
}

/** Per repository: its open key issues (by key) and open dashboards, and how many were closed. */
export function issuesByRepo(
  gh: GitHubEmulator,
  fullName: string,
): { keys: string[]; dashboards: number; closed: number } {
  const [owner, name] = fullName.split('/') as [string, string];
  const repo = gh.store.repo(owner, name)!;
  const issues = gh.store.issues.filter((i) => i.repoId === repo.id);
  const open = issues.filter((i) => i.state === 'open');
  return {
    keys: open.map((i) => parseKeyMarker(i.body)?.key).filter((k) => k !== undefined),
    dashboards: open.filter((i) => isDashboard(i.body)).length,
    closed: issues.length - open.length,
  };
}

/** How many times each repository's secrets were listed: one per sweep of it. */
export function sweepsPerRepo(gh: GitHubEmulator): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of gh.log.entries) {
    if (entry.route !== 'GET /repos/{owner}/{repo}/actions/secrets') continue;
    const name = /^\/repos\/([^/]+\/[^/]+)\/actions\/secrets/.exec(entry.path)![1]!;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** Asks again every 10 ms until `probe` holds (real time: BullMQ's locks, backoffs and events are); fails after 15 s naming `what`. */
export async function until(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
