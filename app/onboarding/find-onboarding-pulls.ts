import { ONBOARDING_BRANCH, type OnboardingPull } from '../../src/onboarding/onboarding-state.js';
import type { AppOctokit } from '../octokit/octokit.js';

/**
 * Every pull request from the onboarding branch, in any state — open, merged or closed — so a
 * refusal is remembered in GitHub itself. `head` filters by `owner:branch`.
 * https://docs.github.com/rest/pulls/pulls#list-pull-requests
 */
export async function findOnboardingPulls(octokit: AppOctokit, owner: string, repo: string): Promise<OnboardingPull[]> {
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/pulls', {
    owner,
    repo,
    state: 'all',
    head: `${owner}:${ONBOARDING_BRANCH}`,
    per_page: 100,
  });
  return listed.map((p) => ({
    number: p.number,
    state: p.state === 'open' ? 'open' : 'closed',
    merged: p.merged_at !== null,
    body: p.body,
    ...(p.user && { author: p.user.login }),
  }));
}
