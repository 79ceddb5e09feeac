import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createNodeMiddleware, Probot } from 'probot';
import { createApp } from '../../../app/index.js';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import {
  deepMerge,
  isoSeconds,
  startGitHubEmulator,
  type GitHubEmulator,
  type InstallationRecord,
  type RepoRecord,
  type SecretScanningAlertRecord,
} from '../../support/github-emulator/index.js';
import { TestOctokit } from '../support/app-world.js';

// @octokit/webhooks-examples has no api.github.com `secret_scanning_alert` example; its GHES 3.5 set
// has one (a `reopened`), the same payload shape. Every delivery starts from it.
const require = createRequire(import.meta.url);
const ghesExamples = require('@octokit/webhooks-examples/ghes-35/index.json') as Array<{
  name: string;
  examples: Array<Record<string, unknown>>;
}>;
const EXAMPLE = ghesExamples.find((d) => d.name === 'secret_scanning_alert')!.examples[0]!;

/** An action of `secret_scanning_alert` (the app acts on all four). */
export type AlertAction = 'created' | 'reopened' | 'validated' | 'resolved';

/**
 * The emulator with org `acme` (the app may read secret scanning alerts) and org `umbrella` (an
 * older installation without that permission), the real Probot app behind a real HTTP server,
 * and every log line the app wrote (JSON, as pino writes it) so tests can read and search them.
 */
export interface AlertWorld {
  gh: GitHubEmulator;
  api: RepoRecord;
  /** `umbrella/api`, whose installation lacks `secret_scanning_alerts`. */
  locked: RepoRecord;
  logs: string[];
  /** Log messages (`msg`) in order. */
  messages(): string[];
  /**
   * Delivers a signed `secret_scanning_alert` for a seeded alert. The payload carries the alert's
   * raw secret, as a careless sender might: the app must neither use nor keep it.
   */
  deliver(
    action: AlertAction,
    alert: SecretScanningAlertRecord,
    options?: { deliveryId?: string; validity?: string },
  ): ReturnType<GitHubEmulator['deliver']>;
  close(): Promise<void>;
}

/** `settings`: added to the app's (e.g. an admin API for the providers' inventories). */
export async function startAlertWorld(settings: Partial<AppSettings> = {}): Promise<AlertWorld> {
  const gh = await startGitHubEmulator();
  const permissions = { secret_scanning_alerts: 'read', issues: 'write', contents: 'read', metadata: 'read' } as const;
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions }, events: ['secret_scanning_alert'] });
  const api = gh.seed.repo({ fullName: 'acme/api' });
  const locked = gh.seed.repo({ fullName: 'umbrella/api' });
  const installations = new Map<number, InstallationRecord>([
    [api.id, gh.seed.installation({ account: 'acme', permissions: { ...permissions } })],
    [
      locked.id,
      gh.seed.installation({
        account: 'umbrella',
        permissions: { issues: 'write', contents: 'read', metadata: 'read' },
      }),
    ],
  ]);
  const logs: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(line) });
  const probot = new Probot({
    appId: app.id,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.apiV3Url,
    Octokit: TestOctokit,
    log,
  });
  const middleware = await createNodeMiddleware(
    createApp({ settings: { ...defaultSettings, sweepEveryMs: 0, ...settings }, now: () => gh.clock.now() }),
    { probot },
  );
  const server: Server = createServer((req, res) => void middleware(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  return {
    gh,
    api,
    locked,
    logs,
    messages: () => logs.map((line) => String((JSON.parse(line) as { msg?: unknown }).msg ?? '')),
    deliver(action, alert, options = {}) {
      const repo = [api, locked].find((r) => r.id === alert.repoId)!;
      const alertPayload = {
        number: alert.number,
        created_at: isoSeconds(alert.createdAt),
        secret_type: alert.secretType,
        secret_type_display_name: alert.secretTypeDisplayName,
        validity: options.validity ?? alert.validity,
        html_url: `${gh.url}/${repo.owner}/${repo.name}/security/secret-scanning/${alert.number}`,
        secret: alert.secret,
      };
      const payload = {
        alert: alertPayload,
        repository: {
          id: repo.id,
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          owner: { login: repo.owner },
        },
        organization: { login: repo.owner },
        installation: { id: installations.get(repo.id)!.id },
      };
      return gh.deliver({
        url,
        event: 'secret_scanning_alert',
        action,
        payload: deepMerge(structuredClone(EXAMPLE), { ...payload, action }),
        ...(options.deliveryId && { deliveryId: options.deliveryId }),
      });
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gh.close();
    },
  };
}
