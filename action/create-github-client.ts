import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { actionLog } from './action-log.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

/** Retries of a 5xx or a dropped connection (the retry plugin waits 1 s, 4 s, 9 s: 14 s at most). */
const SERVER_RETRIES = 3;
/**
 * Answers the retry plugin leaves alone: its defaults plus 429, which is a rate limit the throttling
 * plugin waits out within the budget below — retried by both, it would escape the budget.
 */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** Retries of one request refused by a rate limit. */
const LIMIT_RETRIES = 2;
/** Seconds this client may spend waiting for rate limits, over all its requests: a step never hangs. */
export const LIMIT_WAIT_BUDGET_SECONDS = 120;

/** What the throttling plugin tells a limit handler about the refused request. */
interface LimitedRequest {
  method: string;
  url: string;
}

/**
 * The Action's GitHub API client: Octokit with the retry and throttling plugins, bounded. A 5xx is
 * retried a few times; a secondary rate limit is retried after its `Retry-After`, and a primary one
 * after its reset, while the wait fits the budget — past it the 403 stands and the caller explains it.
 * Every mode that calls the GitHub API creates its client here.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
export function createGitHubClient(token: string, apiUrl: string): GitHubClient {
  let budget = LIMIT_WAIT_BUDGET_SECONDS;
  const onLimit =
    (what: string) =>
    (retryAfter: number, request: LimitedRequest, _octokit: unknown, retryCount: number): boolean => {
      const retrying = retryCount < LIMIT_RETRIES && retryAfter <= budget;
      if (retrying) budget -= retryAfter;
      actionLog.info(
        `${request.method} ${request.url}: ${what}, ${retrying ? `retrying in ${retryAfter} s` : `not retrying (GitHub asks for ${retryAfter} s)`}.`,
      );
      return retrying;
    };
  return getOctokit(
    token,
    {
      baseUrl: apiUrl,
      retry: { retries: SERVER_RETRIES, doNotRetry: DO_NOT_RETRY },
      throttle: {
        onRateLimit: onLimit('rate limit reached'),
        onSecondaryRateLimit: onLimit('secondary rate limit reached'),
      },
    },
    retry,
    throttling,
  );
}
