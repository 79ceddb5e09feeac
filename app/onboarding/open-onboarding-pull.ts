import { ONBOARDING_BRANCH, ONBOARDING_TITLE } from '../../src/onboarding/onboarding-state.js';
import { WORKFLOW_PATH } from '../../src/onboarding/render-onboarding-workflow.js';
import { statusOf, type AppOctokit } from '../github/octokit.js';
import { CONFIG_PATH } from '../sweep/load-policy.js';
import { readBranchFile, readOnboardingBody, type OnboardingTarget } from './read-onboarding-body.js';

/** Content-creating requests opening takes at most: the branch, two files, the pull request. */
export const ONBOARDING_WRITES = 4;

export interface OpenedOnboarding {
  /** The new pull request; undefined when another writer opened it first. */
  number?: number;
  /** Content-creating requests made (what the sweep's budget counts). */
  writes: number;
  /** The workflow file is on the branch (the App may lack the Workflows permission). */
  workflow: boolean;
}

/**
 * The branch from the default branch's head, the two files, the pull request. Each step accepts
 * that it was already done — by an earlier sweep that stopped half-way, or another app process at the
 * same moment — and never overwrites a file someone put on the branch. GitHub itself refuses a second
 * open pull request for one head and base, so two writers end with one.
 * https://docs.github.com/rest/git/refs#create-a-reference
 */
export async function openOnboardingPull(octokit: AppOctokit, target: OnboardingTarget, files: { config: string; workflow: string }): Promise<OpenedOnboarding> {
  const { owner, repo } = target;
  const { data: repository } = await octokit.request('GET /repos/{owner}/{repo}', { owner, repo });
  const base = repository.default_branch;
  const { data: head } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${base}` });
  await alreadyDone(422, () => octokit.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: `refs/heads/${ONBOARDING_BRANCH}`, sha: head.object.sha }));
  const config = await writeIfMissing(octokit, target, CONFIG_PATH, files.config, 'Add the Key Hygiene policy');
  const workflow = await writeIfMissing(octokit, target, WORKFLOW_PATH, files.workflow, 'Run Key Hygiene on pushes and pull requests');
  const body = await readOnboardingBody(octokit, target);
  const writes = 2 + Number(config !== 'present') + Number(workflow !== 'present');
  const number = await alreadyDone(422, async () => (await octokit.request('POST /repos/{owner}/{repo}/pulls', { owner, repo, title: ONBOARDING_TITLE, head: ONBOARDING_BRANCH, base, body, maintainer_can_modify: true })).data.number);
  return { ...(number !== undefined && { number }), writes, workflow: workflow !== 'forbidden' };
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
async function writeIfMissing(octokit: AppOctokit, target: OnboardingTarget, path: string, text: string, message: string): Promise<'written' | 'present' | 'forbidden'> {
  if ((await readBranchFile(octokit, target, path)) !== undefined) return 'present';
  try {
    await octokit.request('PUT /repos/{owner}/{repo}/contents/{path}', { ...target, path, message, branch: ONBOARDING_BRANCH, content: Buffer.from(text, 'utf8').toString('base64') });
    return 'written';
  } catch (error) {
    const status = statusOf(error);
    if (status === 409 || status === 422) return 'written';
    if (status === 403 && path === WORKFLOW_PATH) return 'forbidden';
    throw error;
  }
}
