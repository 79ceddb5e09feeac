import { ONBOARDING_BRANCH } from '../../src/onboarding/onboarding-state.js';
import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import { renderOnboardingBody, type OnboardingBodyInput } from '../../src/onboarding/render-onboarding-body.js';
import { WORKFLOW_PATH } from '../../src/onboarding/render-onboarding-workflow.js';
import { workflowUses } from '../../src/onboarding/workflow-uses.js';
import { parseConfig, validateConfig } from '../../src/policy/parse-config.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';
import { CONFIG_PATH } from '../../src/policy/config-path.js';
import { oneLineError } from '../../src/one-line-error.js';

export interface OnboardingTarget {
  owner: string;
  repo: string;
}

/**
 * The onboarding pull request's description for what its branch holds now: the policy the config
 * gives once merged — with what it `_extends`, read as the sweep will read it — or its error, and
 * whether the workflow is there and what it runs. Opening the pull request and each push to its
 * branch both use it, with the same `action` (the App's `KEY_HYGIENE_ACTION`), so the same branch
 * always gives the same text.
 */
export async function readOnboardingBody(
  octokit: AppOctokit,
  target: OnboardingTarget,
  action: ActionLocation | undefined,
): Promise<string> {
  const policy = await readBranchPolicy(octokit, target);
  const workflow = await readBranchFile(octokit, target, WORKFLOW_PATH);
  const found = workflow === undefined ? {} : { workflowUses: workflowUses(workflow) };
  return renderOnboardingBody({
    repository: `${target.owner}/${target.repo}`,
    policy,
    workflow: workflow !== undefined,
    ...(action && { action }),
    ...found,
  });
}

async function readBranchPolicy(
  octokit: AppOctokit,
  { owner, repo }: OnboardingTarget,
): Promise<OnboardingBodyInput['policy']> {
  const text = await readBranchFile(octokit, { owner, repo }, CONFIG_PATH);
  if (text === undefined)
    return { error: `${CONFIG_PATH} is not on this branch: merged, the App would keep the organisation's policy.` };
  try {
    // The file alone first: its own mistakes come with their line, field and value.
    const own = parseConfig(text, CONFIG_PATH);
    if (own._extends === undefined) return { config: own };
    const { config } = await octokit.config.get({ owner, repo, path: CONFIG_PATH, branch: ONBOARDING_BRANCH });
    return { config: validateConfig(config, CONFIG_PATH) };
  } catch (error) {
    return { error: oneLineError(error) };
  }
}

/** A file's text on the onboarding branch, or undefined when it is not there. https://docs.github.com/rest/repos/contents#get-repository-content */
export async function readBranchFile(
  octokit: AppOctokit,
  { owner, repo }: OnboardingTarget,
  path: string,
): Promise<string | undefined> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner,
      repo,
      path,
      ref: ONBOARDING_BRANCH,
      mediaType: { format: 'raw' },
    });
    return String(data);
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}
