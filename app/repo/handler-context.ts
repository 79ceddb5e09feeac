import type { Probot } from 'probot';
import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import type { AppDeps } from '../deps.js';
import type { AppSettings } from '../settings.js';
import { botLoginOf } from '../github/bot-login.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { prepareClient } from '../octokit/prepare-client.js';
import { loadPolicy, type LoadedPolicy, type LoadPolicyOptions } from './load-policy.js';
import type { RepoLock } from './with-repo-lock.js';

/** A webhook's context as far as the preamble needs it (Probot's `Context`, any event with an installation). */
export interface HandlerEvent {
  octokit: unknown;
  payload: { installation?: { id: number } | null };
  log: { info: (message: string) => void };
}

/** A repository's policy, and whether this event's writes are only logged: the settings' dry-run or the policy's. */
export interface HandlerPolicy extends LoadedPolicy {
  dryRun: boolean;
}

/** What a sweep started by a webhook shares with the process (the caller adds its content budget). */
export interface HandlerSweepRun {
  octokit: AppOctokit;
  botLogin: string;
  now: Date;
  dryRun: boolean;
  log: (message: string) => void;
  lock: RepoLock;
  onboardingAction?: ActionLocation;
  orgPasses?: AppDeps['orgPasses'];
  adminApis?: AppSettings['adminApis'];
}

/** What every handler starts from. */
export interface HandlerContext {
  /** The installation client, prepared: conditional reads, paced writes, the request budget, metrics. */
  octokit: AppOctokit;
  log: (message: string) => void;
  /** `slug[bot]`, read once per app: asked for only where the handler needs it. */
  botLogin: () => Promise<string>;
  /** The policy of `owner/repo` (at `options.ref`) and the event's dry-run. */
  policy: (owner: string, repo: string, options?: LoadPolicyOptions) => Promise<HandlerPolicy>;
  /** Only the event's dry-run: the policy is not read when the settings already say dry-run. */
  dryRun: (owner: string, repo: string) => Promise<boolean>;
  /** A sweep's shared part, from the settings: their dry-run, the lock, the onboarding Action, the org passes. */
  sweepRun: (botLogin: string, now?: Date) => HandlerSweepRun;
}

/**
 * The preamble every webhook handler repeated: the installation client prepared with the process's
 * client care, the bot's login, the log, the policy and the dry-run flag. Nothing is read here: each
 * read happens when the handler asks, so an event it drops early costs no request.
 */
export function handlerContext(event: HandlerEvent, app: Probot, deps: AppDeps): HandlerContext {
  const octokit = prepareClient(event.octokit as AppOctokit, event.payload.installation?.id ?? 0, deps.clients);
  const log = (message: string) => event.log.info(message);
  return {
    octokit,
    log,
    botLogin: () => botLoginOf(app),
    policy: async (owner, repo, options) => {
      const loaded = await loadPolicy(octokit, owner, repo, options);
      return { ...loaded, dryRun: deps.settings.dryRun || loaded.policy['dry-run'] };
    },
    dryRun: async (owner, repo) => deps.settings.dryRun || (await loadPolicy(octokit, owner, repo)).policy['dry-run'],
    sweepRun: (botLogin, now = deps.now()) => ({
      octokit,
      botLogin,
      now,
      dryRun: deps.settings.dryRun,
      log,
      lock: deps.lock,
      onboardingAction: deps.settings.onboardingAction,
      adminApis: deps.settings.adminApis,
      ...(deps.orgPasses && { orgPasses: deps.orgPasses }),
    }),
  };
}
