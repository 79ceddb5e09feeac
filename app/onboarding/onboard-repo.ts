import type { Inventory } from '../../src/inventory/inventory.js';
import { onboardingKeys } from '../../src/onboarding/onboarding-keys.js';
import { ONBOARDING_BRANCH, ONBOARDING_TITLE, onboardingState } from '../../src/onboarding/onboarding-state.js';
import { renderOnboardingConfig } from '../../src/onboarding/render-onboarding-config.js';
import { renderOnboardingWorkflow } from '../../src/onboarding/render-onboarding-workflow.js';
import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import type { Config } from '../../src/policy/config-schema.js';
import { missingPermission, type AppOctokit } from '../octokit/octokit.js';
import { findOnboardingPulls } from './find-onboarding-pulls.js';
import { ONBOARDING_WRITES, openOnboardingPull } from './open-onboarding-pull.js';
import { oneLineError } from '../../src/one-line-error.js';

/** The repository and what the sweep that reached it shares: a repository sweep is one (onboarding does not import the sweep). */
export interface OnboardingSweep {
  octokit: AppOctokit;
  owner: string;
  repo: string;
  /** `slug[bot]`: the author of the onboarding pull request. */
  botLogin: string;
  /** Issues, comments and pull requests the sweep may still create. */
  budget: { remaining: number };
  log: (message: string) => void;
  /** Where the Action the onboarding workflow runs lives (`KEY_HYGIENE_ACTION`); unset, onboarding adds no workflow. */
  onboardingAction?: ActionLocation;
}

/** What the sweep of the repository found, as onboarding needs it. */
export interface OnboardingFound {
  policy: Config;
  /** From loadPolicy: the repository has its own config file (unset when it could not be read). */
  ownFile: boolean | undefined;
  inventory: Inventory;
  /** The run's dry-run or the policy's. */
  dryRun: boolean;
}

/**
 * Onboarding (README, "What it does"): with `onboarding: pull-request` in the policy it gets from its owner's
 * `.github` repository, a repository without its own `.github/key-hygiene.yml` gets one pull request,
 * "Configure Key Hygiene", adding a policy prefilled from what the sweep found and the workflow that
 * runs the Action from where `KEY_HYGIENE_ACTION` says it lives (unset: the config alone, and the
 * description says how to add the workflow). Only once: an open one is left alone, a merged one
 * means onboarded, and one closed without merging means no — remembered by GitHub, so it holds across restarts and processes.
 * Dry-run logs; the sweep's content budget pays for the writes. Onboarding is an offer: when it
 * fails (no `contents: write` yet, an empty repository) the sweep logs one line and goes on.
 */
export async function onboardRepo(s: OnboardingSweep, found: OnboardingFound): Promise<void> {
  if (found.policy.onboarding !== 'pull-request' || found.ownFile !== false) return;
  const { octokit, owner, repo } = s;
  const repository = `${owner}/${repo}`;
  try {
    const state = onboardingState(await findOnboardingPulls(octokit, owner, repo), s.botLogin);
    if (state.kind !== 'none') return;
    if (found.dryRun || s.budget.remaining < ONBOARDING_WRITES) {
      s.log(
        found.dryRun
          ? `dry-run: would open "${ONBOARDING_TITLE}" in ${repository} from branch ${ONBOARDING_BRANCH}`
          : `${repository}: cap reached, the onboarding pull request waits for the next sweep`,
      );
      return;
    }
    const action = s.onboardingAction;
    const config = renderOnboardingConfig({
      repository,
      keys: onboardingKeys(found.inventory, found.policy),
      ...(action && { action }),
    });
    // Where the Action lives is the operator's to say: unsaid, no workflow names a repository anyone could register.
    const opened = await openOnboardingPull(
      octokit,
      { owner, repo },
      { config, ...(action && { action, workflow: renderOnboardingWorkflow(action) }) },
    );
    s.budget.remaining -= opened.writes;
    // Nothing is remembered: the next sweep tries again, and says so again, until the reason is gone.
    if (opened.refused !== undefined) {
      s.log(`${repository}: onboarding pull request not opened: GitHub answered 422: ${opened.refused}`);
      return;
    }
    const what =
      opened.number === undefined ? 'was opened by another sweep at the same time' : `opened as #${opened.number}`;
    const without = action ? 'the App lacks the Workflows permission' : 'KEY_HYGIENE_ACTION is not set';
    s.log(
      `${repository}: "${ONBOARDING_TITLE}" ${what}${opened.workflow ? '' : ` (without the workflow: ${without})`}`,
    );
  } catch (error) {
    const permission = missingPermission(error);
    const reason = oneLineError(error);
    s.log(`${repository}: onboarding pull request not opened: ${reason}${permission ? ` (needs ${permission})` : ''}`);
  }
}
