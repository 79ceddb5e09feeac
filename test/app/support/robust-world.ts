import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot } from 'probot';
import { createApp } from '../../../app/index.js';
import type { AppDeps } from '../../../app/deps.js';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { startGitHubEmulator } from '../../support/github-emulator/index.js';
import { TestOctokit, type RunningApp } from './app-world.js';

export const PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  issues: 'write',
  contents: 'read',
  metadata: 'read',
  members: 'read',
} as const;

/** An emulator with the app installed on `acme`; the test seeds the repositories. */
export async function createBareWorld(): Promise<{
  gh: GitHubEmulator;
  app: AppRecord;
  installation: InstallationRecord;
}> {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.repo({ fullName: 'acme/.github' });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
  return { gh, app, installation };
}

/**
 * app-world.ts's `startApp`, with the app's dependencies open to the test: by default the pacer
 * reads the emulator's clock and "sleeps" by moving it, so nothing waits for real.
 */
export async function startAppWith(
  gh: GitHubEmulator,
  app: AppRecord,
  overrides: Partial<AppDeps> = {},
): Promise<RunningApp & { sweep: (settings?: Partial<AppSettings>) => ReturnType<typeof sweepAll> }> {
  const probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    logLevel: (process.env.TEST_LOG_LEVEL as 'warn' | undefined) ?? 'fatal',
  });
  const settings = { ...defaultSettings, sweepEveryMs: 0 };
  const appFn = createApp({
    settings,
    now: () => gh.clock.now(),
    sleep: async (ms) => gh.clock.advance(ms),
    ...overrides,
  });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    probot,
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
    sweep: (more = {}) => sweepAll(probot, { ...settings, ...more }, () => gh.clock.now(), overrides.lock),
  };
}
