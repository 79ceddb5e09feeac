import { readVerifyUrl } from '../src/providers/read-verify-url.js';
import { parseActionLocation, webOfGitHub, type ActionLocation } from '../src/onboarding/parse-action-location.js';
import { parseDuration } from '../src/policy/duration.js';
import { readQueueSettings, type QueueSettings } from './queue/queue-settings.js';
import {
  readProviderAuditSettings,
  type ProviderAdminSource,
  type ProviderAuditSettings,
} from './provider-audit-settings.js';

/** How the app runs, read once from the environment: nothing else reads `process.env`. */
export interface AppSettings {
  /** Log what a sweep would do, write nothing (`KEY_HYGIENE_DRY_RUN=true`); the policy's `dry-run` adds per repository. */
  dryRun: boolean;
  /** Most issues and comments one sweep of one installation creates (`KEY_HYGIENE_MAX_CONTENT`, default 50): GitHub allows 80 a minute. */
  maxContentPerSweep: number;
  /** Time between scheduled sweeps in ms (`KEY_HYGIENE_SWEEP_EVERY`, default `24h`); 0 turns the scheduler off (`off`). */
  sweepEveryMs: number;
  /** Each installation's scheduled sweep starts after its own random delay up to this (`KEY_HYGIENE_SWEEP_JITTER`, default `1h`). */
  jitterMs: number;
  /**
   * Set when `REDIS_URL` is: sweeps become BullMQ jobs shared by every app and worker process
   * (README, "Deploy"). Absent, one process sweeps in memory on its own schedule, as before.
   */
  queue?: QueueSettings;
  /** Share of an installation's hourly request limit a sweep may spend before it waits for the reset (`KEY_HYGIENE_BUDGET_SHARE`; 0.5 when absent, `DEFAULT_BUDGET_SHARE`); webhooks keep the rest. */
  budgetShare?: number;
  /** Port of a worker's own `/healthz` and `/metrics` server (`KEY_HYGIENE_METRICS_PORT`); none when absent. Probot's server serves both on its port. */
  metricsPort?: number;
  /**
   * Interface a worker's own metrics server listens on (`KEY_HYGIENE_METRICS_HOST`, default `127.0.0.1`):
   * `/metrics` tells anyone who reaches it the installations' request headroom and queue state, so it
   * is loopback-only unless the operator names an interface a scraper needs (`0.0.0.0`, a private address).
   */
  metricsHost?: string;
  /**
   * Where the Key Hygiene Action lives (`KEY_HYGIENE_ACTION=owner/repo@ref`, e.g. `acme/key-hygiene@v0`):
   * the onboarding pull request's workflow runs it, and its files link to that repository's README.
   * Nothing is published under a name we own, and whoever owns the repository a workflow names runs
   * code in every onboarded repository: unset, the pull request adds the config alone and its
   * description says how to add the workflow.
   */
  onboardingAction?: ActionLocation;
  /**
   * The providers' admin APIs the server holds a key for (`KEY_HYGIENE_OPENAI_ADMIN_KEY`,
   * `KEY_HYGIENE_ANTHROPIC_ADMIN_KEY`; base URL from `OPENAI_BASE_URL` / `ANTHROPIC_BASE_URL`, as the
   * vendors' SDKs read it): leak incidents look the leaked key up there and `/revoke` revokes it.
   * One key reads one organisation at the provider: a single-organisation deployment.
   */
  adminApis?: ProviderAdminSource[];
  /**
   * `KEY_HYGIENE_VERIFY_KEYS=true`: a push's leaked keys are each sent to their own provider's
   * identity endpoint (and nowhere else) and the incident says whether the key still works, as
   * `scan --verify` does; `KEY_HYGIENE_VERIFY_URLS` (`provider=url` lines) asks a stand-in instead.
   * Off by default.
   */
  verifyKeys?: { urls: Record<string, string> };
  /** `WEBHOOK_SECRET`, the secret GitHub signs deliveries with: the server checks it before Probot reads a body whole (app/github/guard-webhook-body.ts). */
  webhookSecret?: string;
  /** The provider admin keys the org sweep audits with (`KEY_HYGIENE_OPENAI_ADMIN_KEY`, `KEY_HYGIENE_ANTHROPIC_ADMIN_KEY`); none when absent. */
  providerAudit?: ProviderAuditSettings;
}

export const defaultSettings: AppSettings = {
  dryRun: false,
  maxContentPerSweep: 50,
  sweepEveryMs: 86_400_000,
  jitterMs: 3_600_000,
};

/** Reads the settings; a bad value is a one-line error that quotes it. */
export function readSettings(env: NodeJS.ProcessEnv): AppSettings {
  const duration = (name: string, fallback: number): number => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    if (text === 'off' || text === '0') return 0;
    const ms = parseDuration(text);
    if (ms === undefined) throw new Error(`${name} is "${text}": expected a duration such as 24h or 1d, or "off"`);
    return ms;
  };
  const max = env.KEY_HYGIENE_MAX_CONTENT;
  const maxContent = max === undefined || max === '' ? defaultSettings.maxContentPerSweep : Number(max);
  if (!Number.isInteger(maxContent) || maxContent < 0)
    throw new Error(`KEY_HYGIENE_MAX_CONTENT is "${max}": expected a whole number`);
  const queue = readQueueSettings(env);
  const share = env.KEY_HYGIENE_BUDGET_SHARE;
  const budgetShare = share === undefined || share === '' ? undefined : Number(share);
  if (budgetShare !== undefined && !(budgetShare > 0 && budgetShare <= 1))
    throw new Error(`KEY_HYGIENE_BUDGET_SHARE is "${share}": expected a number above 0 and at most 1, such as 0.5`);
  const port = env.KEY_HYGIENE_METRICS_PORT;
  const metricsPort = port === undefined || port === '' ? undefined : Number(port);
  if (metricsPort !== undefined && !(Number.isInteger(metricsPort) && metricsPort > 0 && metricsPort < 65_536))
    throw new Error(`KEY_HYGIENE_METRICS_PORT is "${port}": expected a port number from 1 to 65535`);
  const metricsHost = env.KEY_HYGIENE_METRICS_HOST?.trim() || '127.0.0.1';
  if (/[\s/]/.test(metricsHost))
    throw new Error(
      `KEY_HYGIENE_METRICS_HOST is "${metricsHost}": expected a host name or an IP address such as 127.0.0.1`,
    );
  const webhookSecret = env.WEBHOOK_SECRET || undefined;
  const onboardingAction = readActionLocation(env);
  const providerAudit = readProviderAuditSettings(env);
  // One reading of the admin keys serves leak incidents and the provider audit alike.
  const adminApis = providerAudit?.admins ?? [];
  return {
    ...(providerAudit && { providerAudit }),
    ...(adminApis.length > 0 && { adminApis }),
    ...(onboardingAction && { onboardingAction }),
    ...readVerifyKeys(env),
    metricsHost,
    ...(webhookSecret && { webhookSecret }),
    ...(budgetShare !== undefined && { budgetShare }),
    ...(metricsPort !== undefined && { metricsPort }),
    ...(queue && { queue }),
    dryRun: /^(1|true|yes)$/i.test(env.KEY_HYGIENE_DRY_RUN ?? ''),
    maxContentPerSweep: maxContent,
    sweepEveryMs: duration('KEY_HYGIENE_SWEEP_EVERY', defaultSettings.sweepEveryMs),
    jitterMs: duration('KEY_HYGIENE_SWEEP_JITTER', defaultSettings.jitterMs),
  };
}

/** `KEY_HYGIENE_VERIFY_KEYS` and its stand-ins; a bad `KEY_HYGIENE_VERIFY_URLS` line is one line quoting it. */
function readVerifyKeys(env: NodeJS.ProcessEnv): Pick<AppSettings, 'verifyKeys'> {
  if (!/^(1|true|yes)$/i.test(env.KEY_HYGIENE_VERIFY_KEYS ?? '')) return {};
  const urls: Record<string, string> = {};
  for (const line of (env.KEY_HYGIENE_VERIFY_URLS ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const read = readVerifyUrl(line);
    if ('error' in read)
      throw new Error(`KEY_HYGIENE_VERIFY_URLS: line ${JSON.stringify(line.slice(0, 200))} ${read.error}`);
    urls[read.provider] = read.url;
  }
  return { verifyKeys: { urls } };
}

/** `KEY_HYGIENE_ACTION`, its page on the GitHub the App talks to (`GHE_HOST`, or a runner's `GITHUB_SERVER_URL`); a bad value quoted on one line. */
function readActionLocation(env: NodeJS.ProcessEnv): ActionLocation | undefined {
  const text = env.KEY_HYGIENE_ACTION?.trim() ?? '';
  if (text === '') return undefined;
  const action = parseActionLocation(text, webOfGitHub(env.GHE_HOST, env.GHE_PROTOCOL, env.GITHUB_SERVER_URL));
  // JSON quotes keep a pasted newline or control character from breaking the one line.
  if (!action)
    throw new Error(
      `KEY_HYGIENE_ACTION is ${JSON.stringify(text.slice(0, 200))}: expected owner/repo@ref, where this repository is hosted and its tag, such as acme/key-hygiene@v0`,
    );
  return action;
}

/**
 * The server refuses to start without a webhook secret of its own. Probot falls back to its public
 * default, "development" (probot/lib/server/server.js), and anyone can sign a delivery with that
 * one: a forged `issue_comment` or `push` would act for any installation and any login. There is no
 * opt-out: a local run (the demo, a smee proxy) sets any value, as GitHub's App settings do.
 */
export function checkWebhookSecret(env: NodeJS.ProcessEnv): void {
  const secret = env.WEBHOOK_SECRET ?? '';
  if (secret.trim() === '')
    throw new Error(
      "WEBHOOK_SECRET is not set: without it Probot verifies deliveries with its public default secret, so anyone could forge one; set it to the App's webhook secret",
    );
  if (secret === 'development')
    throw new Error(
      'WEBHOOK_SECRET is "development", Probot\'s public default: anyone could forge a delivery; set it to the App\'s own webhook secret',
    );
}
