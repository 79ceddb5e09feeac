import type { Context, Probot } from 'probot';
import { ONBOARDING_BRANCH, onboardingState } from '../../src/onboarding/onboarding-state.js';
import type { AppDeps } from '../deps.js';
import { splitRepository } from '../octokit/octokit.js';
import { handlerContext } from '../repo/handler-context.js';
import { findOnboardingPulls } from './find-onboarding-pulls.js';
import { readOnboardingBody } from './read-onboarding-body.js';

/**
 * A push to the onboarding branch: someone edited the config there, so the
 * bot's open pull request from it gets a description for the config as it is now — what the App
 * will do, or the field and value that are wrong. An unchanged description is not rewritten. The
 * bot's own commits to the branch never get here (app/index.ts drops the App's own pushes). Dry-run
 * (`KEY_HYGIENE_DRY_RUN` or the policy's `dry-run`) logs the edit instead.
 * https://docs.github.com/rest/pulls/pulls#update-a-pull-request
 */
export async function handleOnboardingPush(context: Context<'push'>, app: Probot, deps: AppDeps): Promise<void> {
  const { payload } = context;
  if (payload.ref !== `refs/heads/${ONBOARDING_BRANCH}` || payload.deleted) return;
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const h = handlerContext(context, app, deps);
  const { octokit } = h;
  const state = onboardingState(await findOnboardingPulls(octokit, owner, repo), await h.botLogin());
  if (state.kind !== 'open') return;
  const body = await readOnboardingBody(octokit, { owner, repo }, deps.settings.onboardingAction);
  if (body === (state.pull.body ?? '')) return;
  // The policy from the default branch — the org's, since the repository has no file of its own yet.
  if (await h.dryRun(owner, repo)) {
    context.log.info(`dry-run: would update the description of ${owner}/${repo}#${state.pull.number}`);
    return;
  }
  await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner,
    repo,
    pull_number: state.pull.number,
    body,
  });
  context.log.info(
    `${owner}/${repo}#${state.pull.number}: onboarding description updated for the config on ${ONBOARDING_BRANCH}`,
  );
}
