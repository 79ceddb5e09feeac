import type { Config } from '../policy/config-schema.js';
import { inlineCode, quoteUserText } from '../report/render-issue-text.js';
import { maskKeys } from '../scan/mask-keys.js';
import { ONBOARDING_BRANCH } from './onboarding-state.js';
import { actionUses, type ActionLocation } from './parse-action-location.js';
import { renderOnboardingPolicy } from './render-onboarding-policy.js';
import { ACTION_PLACEHOLDER, WORKFLOW_PATH, renderOnboardingWorkflow } from './render-onboarding-workflow.js';
import { CONFIG_PATH } from '../policy/config-path.js';

/** Marks the App's onboarding pull request body. */
export const ONBOARDING_MARKER = '<!-- key-hygiene:onboarding -->';

export interface OnboardingBodyInput {
  repository: string;
  /** The policy the config on the branch gives (with what it extends), or why it cannot be used. */
  policy: { config: Config } | { error: string };
  /** {@link WORKFLOW_PATH} is on the branch. */
  workflow: boolean;
  /** Where the Action lives (`KEY_HYGIENE_ACTION`); unset, the App adds no workflow and says how to add one. */
  action?: ActionLocation;
  /** What the workflow on the branch runs (`workflowUses` of its text), when it is there; the configured Action is assumed without. */
  workflowUses?: readonly string[];
}

/**
 * The onboarding pull request's description (README, "What it does", onboarding): what the files are, how to
 * answer (merge, or close to opt out for good), what the App will do under the config on the branch
 * — or the config's error, field and value — and what the Action checks. Re-rendered after each
 * push to the branch; the same input gives the same text, so an unchanged description is not rewritten.
 */
export function renderOnboardingBody({
  repository,
  policy,
  workflow,
  action,
  workflowUses: uses,
}: OnboardingBodyInput): string {
  const lines = [
    `Key Hygiene keeps the API keys in ${inlineCode(repository)}'s GitHub secrets rotated and separate per environment, and fails pushes that add a key to the code. This pull request turns it on:`,
    '',
    `- ${inlineCode(CONFIG_PATH)} — the policy, prefilled from the secrets and environments the App found. Edit it on this branch ` +
      `(${inlineCode(ONBOARDING_BRANCH)}): this description follows each push and says what the App will do.`,
    ...(workflow
      ? [`- ${inlineCode(WORKFLOW_PATH)} — runs the Key Hygiene Action on every push and pull request.`]
      : []),
    '',
    '**Merge** it to start. **Close it without merging** and the App will not ask again in this repository.',
    '',
    ...('config' in policy ? renderOnboardingPolicy(policy.config) : renderError(policy.error)),
    '',
    ...(workflow ? renderAction(action, uses) : renderMissingWorkflow(action)),
    '',
    ONBOARDING_MARKER,
  ];
  return maskKeys(`${lines.join('\n')}\n`);
}

function renderError(error: string): string[] {
  return [
    '### ⚠️ The config on this branch cannot be used',
    '',
    // The message quotes what was typed: one line, no HTML, no @-mention.
    `> ${quoteUserText(error)}`,
    '',
    'Fix it on this branch; this description updates with the next push. Merged as it is, the App would keep the policy it had and show this error on the dashboard.',
  ];
}

function renderAction(action: ActionLocation | undefined, uses: readonly string[] | undefined): string[] {
  const configured = action && actionUses(action);
  const runs = uses?.length ? uses : configured ? [configured] : [];
  const others = configured ? runs.filter((u) => u !== configured) : [];
  return [
    '### What the Action checks',
    '',
    `${inlineCode(WORKFLOW_PATH)} runs ${runs.length ? runs.map(inlineCode).join(', ') : 'the Key Hygiene Action'} with \`fail-on: error\`. On a push it scans the commits the push adds; on a pull request, the commits between its base and head.` +
      ' A key of critical, high or medium severity fails the check, with an annotation at its line; keys are only ever shown redacted (prefix and last 4 characters).' +
      ' A pull request is judged by the policy of its base branch, so it cannot loosen the rules that judge it.',
    // Whoever owns a repository a workflow names runs code here: one this App did not write is pointed out.
    ...(others.length
      ? [
          '',
          `⚠️ This App runs the Action from ${inlineCode(configured!)}; the workflow on this branch names ${others.map(inlineCode).join(', ')} instead. Check that you trust it before merging.`,
        ]
      : []),
  ];
}

/**
 * Why the branch has no workflow and the file to add by hand. Without `action` the App was not told
 * where the Action lives, so the file names none: a guessed owner would be a name anyone can register.
 */
function renderMissingWorkflow(action: ActionLocation | undefined): string[] {
  const why = action
    ? ' (the App needs the Workflows permission to add one). To add it yourself:'
    : ': the App was not told where your organisation hosts the Key Hygiene Action (its `KEY_HYGIENE_ACTION` setting).' +
      ` To add it yourself, replace ${inlineCode(ACTION_PLACEHOLDER)} below with that repository and its tag:`;
  return [
    '### The Action',
    '',
    `This branch has no ${inlineCode(WORKFLOW_PATH)}, so pushes are not checked by the Action${why}`,
    '',
    '```yaml',
    renderOnboardingWorkflow(action).trimEnd(),
    '```',
  ];
}
