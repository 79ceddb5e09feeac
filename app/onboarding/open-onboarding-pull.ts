import { ONBOARDING_BRANCH, ONBOARDING_TITLE } from '../../src/onboarding/onboarding-state.js';
import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import { WORKFLOW_PATH } from '../../src/onboarding/render-onboarding-workflow.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';
import { CONFIG_PATH } from '../../src/policy/config-path.js';
import { readBranchFile, readOnboardingBody, type OnboardingTarget } from './read-onboarding-body.js';
import { oneLineError } from '../../src/one-line-error.js';

/** Content-creating requests opening takes at most: the branch, two files, the pull request. */
export const ONBOARDING_WRITES = 4;

export interface OpenedOnboarding {
  /** The new pull request; undefined when another writer opened it first, or GitHub refused it. */
  number?: number;
  /** GitHub's reason when it refused the pull request for anything but one already open (a 422). */
  refused?: string;
  /** Content-creating requests made (what the sweep's budget counts). */
  writes: number;
  /** The workflow file is on the branch (the App may lack the Workflows permission, or not know where the Action lives). */
  workflow: boolean;
}

/** What goes on the branch; `workflow` and the description's `action` only when the App knows where the Action lives. */
export interface OnboardingFiles {
  config: string;
  workflow?: string;
  action?: ActionLocation;
}

/**
 * The branch from the default branch's head, the two files (the config alone without a workflow), the pull request. Each step accepts
 * that it was already done — by an earlier sweep that stopped half-way, or another app process at the
 * same moment — and never overwrites a file someone put on the branch. GitHub itself refuses a second
 * open pull request for one head and base, so two writers end with one.
 * https://docs.github.com/rest/git/refs#create-a-reference
 */
export async function openOnboardingPull(
  octokit: AppOctokit,
  target: OnboardingTarget,
  files: OnboardingFiles,
): Promise<OpenedOnboarding> {
  const { owner, repo } = target;
  const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
  const base = repository.default_branch;
  const { data: head } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
    owner,
    repo,
    ref: `heads/${base}`,
  });
  await alreadyDone(422, () =>
    octokit.request('POST /repos/{owner}/{repo}/git/refs', {
      owner,
      repo,
      ref: `refs/heads/${ONBOARDING_BRANCH}`,
      sha: head.object.sha,
    }),
  );
  const config = await writeIfMissing(octokit, target, CONFIG_PATH, files.config, 'Add the Key Hygiene policy');
  const workflow =
    files.workflow === undefined
      ? 'absent'
      : await writeIfMissing(
          octokit,
          target,
          WORKFLOW_PATH,
          files.workflow,
          'Run Key Hygiene on pushes and pull requests',
        );
  const body = await readOnboardingBody(octokit, target, files.action);
  const writes = 2 + Number(config !== 'present') + Number(workflow === 'written');
  const opened = await openPull(octokit, {
    owner,
    repo,
    title: ONBOARDING_TITLE,
    head: ONBOARDING_BRANCH,
    base,
    body,
    maintainer_can_modify: true,
  });
  return { ...opened, writes, workflow: workflow === 'written' || workflow === 'present' };
}

/**
 * Opens the pull request. GitHub answers 422 both when one is open for this head and base already —
 * another sweep won the race: done — and for any other validation failure ("No commits between …",
 * a bad base): that one is GitHub's reason, for the caller to log once.
 * https://docs.github.com/rest/pulls/pulls#create-a-pull-request
 */
async function openPull(
  octokit: AppOctokit,
  fields: {
    owner: string;
    repo: string;
    title: string;
    head: string;
    base: string;
    body: string;
    maintainer_can_modify: boolean;
  },
): Promise<{ number?: number; refused?: string }> {
  try {
    return { number: (await octokit.request('POST /repos/{owner}/{repo}/pulls', fields)).data.number };
  } catch (error) {
    if (statusOf(error) !== 422) throw error;
    const messages = validationMessages(error);
    if (messages.some((m) => /^A pull request already exists\b/i.test(m))) return {};
    return { refused: (messages.join('; ') || oneLineError(error)).slice(0, 300) };
  }
}

/** The `errors[].message` of a 422 "Validation Failed" (https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#validation-failed). */
function validationMessages(error: unknown): string[] {
  const errors = (error as { response?: { data?: { errors?: unknown } } } | null)?.response?.data?.errors;
  if (!Array.isArray(errors)) return [];
  return errors
    .map((e) => (typeof e === 'string' ? e : String((e as { message?: unknown } | null)?.message ?? '')))
    .filter((m) => m !== '');
}

/** The request's answer, or undefined when GitHub says (with `status`) that it was done already. */
async function alreadyDone<T>(status: number, request: () => Promise<T>): Promise<T | undefined> {
  try {
    return await request();
  } catch (error) {
    if (statusOf(error) === status) return undefined;
    throw error;
  }
}

/**
 * Puts a file on the onboarding branch unless one is there. A 409 or 422 means another writer put it
 * there between the read and the write (GitHub then wants its blob's sha). A workflow file needs the
 * Workflows permission: without it GitHub answers 403, and the pull request goes without it.
 * https://docs.github.com/rest/repos/contents#create-or-update-file-contents
 */
async function writeIfMissing(
  octokit: AppOctokit,
  target: OnboardingTarget,
  path: string,
  text: string,
  message: string,
): Promise<'written' | 'present' | 'forbidden'> {
  if ((await readBranchFile(octokit, target, path)) !== undefined) return 'present';
  try {
    await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', {
      ...target,
      path,
      message,
      branch: ONBOARDING_BRANCH,
      content: Buffer.from(text, 'utf8').toString('base64'),
    });
    return 'written';
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 422) return 'written';
    if (status === 403 && path === WORKFLOW_PATH) return 'forbidden';
    throw error;
  }
}
