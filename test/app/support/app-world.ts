import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { createApp } from '../../../app/index.js';
import { defaultSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import {
  startGitHubEmulator,
  type AppRecord,
  type GitHubEmulator,
  type InstallationRecord,
} from '../../support/github-emulator/index.js';

export const DAY = 86_400_000;

/** Every permission a sweep reads with, Dependabot and organisation secrets included (issues write). */
export const SWEEP_READ_PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  issues: 'write',
  contents: 'read',
  metadata: 'read',
  members: 'read',
  dependabot_secrets: 'read',
  organization_secrets: 'read',
} as const;

/**
 * Throttling spaces writes a second apart (secondary limits); the emulator doesn't need it. A function,
 * because Probot's own defaults replace a plain `throttle` object and would turn it back on.
 */
export const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object), enabled: false },
  retry: { enabled: false },
}));

export const POLICY = `
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [production]
    owners: ['@acme/ml-platform']
  - secret: STRIPE_API_KEY
    environments: [production]
rotate-every: 90d
remind-before: 14d
reminders: { due-soon: 7d, overdue: 7d }
escalate-after: 60d
max-snooze: 30d
`;

/** An org with a healthy repository, one with a bad config, an archived one, and the org `.github` defaults. */
export async function createAppWorld(): Promise<{
  gh: GitHubEmulator;
  app: AppRecord;
  installation: InstallationRecord;
}> {
  const gh = await startGitHubEmulator();
  const permissions = {
    secrets: 'read',
    environments: 'read',
    actions: 'read',
    issues: 'write',
    contents: 'read',
    metadata: 'read',
    members: 'read',
  } as const;
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions } });
  gh.seed.repo({ fullName: 'acme/.github', files: { '.github/key-hygiene.yml': POLICY } });
  gh.seed.repo({ fullName: 'acme/api', files: { '.github/key-hygiene.yml': '_extends: .github\ndashboard: true\n' } });
  gh.seed.repo({
    fullName: 'acme/broken',
    files: { '.github/key-hygiene.yml': 'keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: soon\n' },
  });
  gh.seed.repo({ fullName: 'acme/old', archived: true });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  const now = gh.clock.now().getTime();
  gh.seed.environment({ repo: 'acme/api', name: 'production', reviewers: ['mona'] });
  // Due on now + 10 days: due soon. Overdue since yesterday.
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'OPENAI_API_KEY',
    updatedAt: new Date(now - 80 * DAY),
  });
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'STRIPE_API_KEY',
    updatedAt: new Date(now - 91 * DAY),
  });
  gh.seed.collaborator('acme/api', 'wendy', 'write');
  gh.seed.collaborator('acme/api', 'rita', 'read');
  return { gh, app, installation };
}

export interface RunningApp {
  probot: Probot;
  /** Where the emulator delivers webhooks. */
  url: string;
  close(): Promise<void>;
}

/**
 * The real Probot with the app loaded, behind a real HTTP server on 127.0.0.1: deliveries are
 * signed by the emulator and verified by Probot. A new one per "day" is a restart: the old one's
 * cached installation tokens would be expired on the emulator's clock.
 */
export async function startApp(gh: GitHubEmulator, app: AppRecord): Promise<RunningApp> {
  const probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    logLevel: (process.env.TEST_LOG_LEVEL as 'warn' | undefined) ?? 'fatal',
  });
  const appFn = createApp({ settings: { ...defaultSettings, sweepEveryMs: 0 }, now: () => gh.clock.now() });
  const middleware = await createNodeMiddleware(appFn, { probot });
  const server: Server = createServer((req, res) => {
    void middleware(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return { probot, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * {@link createAppWorld} with its key issues already open, by one sweep of an in-process app (fast:
 * no client-side throttling), for tests that then talk to those issues through another process.
 */
export async function createSweptAppWorld(): Promise<Awaited<ReturnType<typeof createAppWorld>>> {
  const world = await createAppWorld();
  const inProcess = await startApp(world.gh, world.app);
  await sweepAll(inProcess.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => world.gh.clock.now());
  await inProcess.close();
  return world;
}
