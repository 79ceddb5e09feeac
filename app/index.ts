import type { ApplicationFunctionOptions, Probot } from 'probot';
import { handleComment } from './commands/handle-comment.js';
import { handleDashboardEdit } from './commands/handle-dashboard-edit.js';
import { handleInstallation } from './commands/handle-installation.js';
import type { AppDeps } from './deps.js';
import type { BullmqSweepQueue } from './queue/bullmq-sweep-queue.js';
import { appFingerprintKey } from './github/app-fingerprint-key.js';
import { createClientCare, prepareAppAuth } from './octokit/prepare-client.js';
import { guardWebhookBody } from './github/guard-webhook-body.js';
import { fromBot, isOwnEvent, type Sender } from './github/own-event.js';
import { readPrivateKey } from './github/read-private-key.js';
import { handlePush } from './incidents/handle-push.js';
import { handleOnboardingPush } from './onboarding/handle-onboarding-push.js';
import { handleSecretScanningAlert } from './incidents/handle-secret-scanning-alert.js';
import { metricsHandler } from './metrics/serve-metrics.js';
import { scheduleSweeps } from './schedule/schedule-sweeps.js';
import { stopOnSigterm } from './schedule/stop-on-signals.js';
import { checkWebhookSecret, defaultSettings, readSettings, type AppSettings } from './settings.js';
import { withRepoLock } from './repo/with-repo-lock.js';
import { oneLineError } from '../src/one-line-error.js';

/** A webhook context: every payload names its sender. */
type Sent = { payload: { sender?: Sender | null } };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The Key Hygiene GitHub App. It only routes (the work is in the engine): commands in its issues,
 * "re-check now" ticks on the dashboard, new installations and repositories, pushes (a
 * "Key hygiene" check run on the lines they added, and an incident issue per leaked key), GitHub's
 * secret scanning alerts (an incident per alert of a key type we know), and the
 * in-process daily sweep. Installation clients get conditional reads and paced writes ({@link prepareAppAuth}).
 * `privateKey`, the App's PEM: with REDIS_URL, the ETag cache shared through Redis holds every GET
 * answer encrypted with a key derived from it (app/octokit/etag-sealer.ts); without, only metadata.
 * It also keys the fingerprints in incident markers (app/github/app-fingerprint-key.ts).
 */
export function createApp(overrides: Partial<AppDeps> = {}, privateKey?: string) {
  const now = overrides.now ?? (() => new Date());
  const sleep = overrides.sleep ?? realSleep;
  const settings = overrides.settings ?? defaultSettings;
  const clients =
    overrides.clients ??
    createClientCare(
      { now: () => now().getTime(), sleep },
      { budgetShare: settings.budgetShare, redisUrl: settings.queue?.redisUrl, ...(privateKey && { privateKey }) },
    );
  const fingerprintKey = overrides.fingerprintKey ?? (privateKey ? appFingerprintKey(privateKey) : undefined);
  const deps: AppDeps = {
    settings: defaultSettings,
    lock: withRepoLock,
    ...overrides,
    now,
    sleep,
    clients,
    ...(fingerprintKey && { fingerprintKey }),
  };
  return (app: Probot, options?: ApplicationFunctionOptions): void => {
    // With REDIS_URL the sweep queue, once made: new installations queue a run instead of sweeping in the handler.
    let sweeps: BullmqSweepQueue | undefined;
    const onSweepQueue = (queue: BullmqSweepQueue): void => {
      sweeps = queue;
      deps.onSweepQueue?.(queue);
    };
    // Bodies bounded and unsigned ones unread, before Probot's middleware buffers them.
    guardWebhookBody(app, { secret: deps.settings.webhookSecret });
    prepareAppAuth(app, deps.clients);
    // `/healthz` and `/metrics` on Probot's own server (app/metrics/serve-metrics.ts).
    options?.addHandler?.(metricsHandler(deps.clients));
    // Every write of this App comes back as a webhook (sender `<slug>[bot]`): dropped here, before any
    // request, so a dashboard rewrite or a reply never costs a read nor starts another write. Commands
    // and ticks are for people: any bot's are dropped. Pushes by other bots are still checked.
    const fromPeople =
      <C extends Sent>(handle: (context: C) => Promise<void>) =>
      async (context: C) =>
        fromBot(context.payload.sender) ? undefined : handle(context);
    const notOwn =
      <C extends Sent>(handle: (context: C) => Promise<void>) =>
      async (context: C) =>
        (await isOwnEvent(app, context.payload.sender)) ? undefined : handle(context);
    app.on(
      'issue_comment.created',
      fromPeople((context) => handleComment(context, app, deps)),
    );
    app.on(
      'issues.edited',
      fromPeople((context) => handleDashboardEdit(context, app, deps)),
    );
    app.on(
      'push',
      notOwn((context) => handlePush(context, app, deps)),
    );
    app.on(
      'push',
      notOwn((context) => handleOnboardingPush(context, app, deps)),
    );
    app.on(
      [
        'secret_scanning_alert.created',
        'secret_scanning_alert.reopened',
        'secret_scanning_alert.resolved',
        'secret_scanning_alert.validated',
      ],
      (context) => handleSecretScanningAlert(context, app, deps),
    );
    app.on(['installation.created', 'installation_repositories.added'], (context) =>
      handleInstallation(context, app, deps, sweeps),
    );
    scheduleSweeps(app, { ...deps, onSweepQueue });
  };
}

/** Probot's entry (`probot run lib-app/app/index.js`): settings from the environment, real clock. */
export default function keyHygieneApp(app: Probot, options: ApplicationFunctionOptions): void {
  // With REDIS_URL the sweep worker finishes its jobs in hand on SIGTERM (app/schedule/stop-on-signals.ts).
  // The PEM Probot signs its JWTs with, read as Probot reads it: it keys the shared ETag cache's encryption.
  createApp({ settings: serverSettings(process.env), stopWith: stopOnSigterm }, readPrivateKey(process.env))(
    app,
    options,
  );
}

/**
 * The server's settings, or one line and exit 1. `probot run` calls the app without a catch of its
 * own: a throw here is an unhandled rejection's stack trace, and the exit is the only way to keep
 * it from listening with a setting it could not read (elsewhere the project sets process.exitCode).
 */
function serverSettings(env: NodeJS.ProcessEnv): AppSettings {
  try {
    checkWebhookSecret(env);
    return readSettings(env);
  } catch (error) {
    process.stderr.write(`key-hygiene-app: ${oneLineError(error)}\n`);
    process.exit(1);
  }
}
