import type { AppOctokit } from './octokit.js';
import type { Headers, RateLimitReading } from './rate-limit-headers.js';
import type { RequestBudget } from './request-budget.js';

/** Times a sweep request is sent again after GitHub asked to wait; then the error is the caller's. */
export const MAX_LIMIT_RETRIES = 2;

const sweepBudgets = new WeakMap<object, RequestBudget>();

/**
 * Waits until the installation's budget lets `requests` sweep requests go ({@link RequestBudget.ready}).
 * Resolves at once for a client that does not wait: a webhook handler's, or one no app prepared.
 */
export async function budgetReady(octokit: object, requests: number): Promise<void> {
  await sweepBudgets.get(octokit)?.ready(requests);
}

export interface BudgetHookOptions {
  sweep: boolean;
  onReading?: (reading: RateLimitReading) => void;
}

/**
 * Hooks the installation's budget on a client. Every answer, success or error (a 304 too), reports
 * its `X-RateLimit-*`. A sweep client waits before each request while the budget says so, and
 * after a 403/429 that asked to wait it waits that long and sends again (up to
 * {@link MAX_LIMIT_RETRIES} times). This hook sits outside Probot's throttling and retry plugins,
 * so it only sees answers they gave up on: the throttling plugin waits for a primary limit itself
 * (until `X-RateLimit-Reset` + 1 s by the host clock, twice at most, Probot's `onRateLimit`) but
 * declines every secondary one (Probot's `onSecondaryRateLimit` only logs), and the retry plugin
 * retries a 429 after 1, 4, 9 s whatever it asked. So waiting here is never a second wait for the
 * same answer.
 * https://github.com/probot/probot/blob/master/src/octokit/get-octokit-throttle-options.ts
 */
export function useRequestBudget<T extends AppOctokit>(
  octokit: T,
  budget: RequestBudget,
  options: BudgetHookOptions,
): T {
  if (options.sweep) sweepBudgets.set(octokit, budget);
  const report = (headers: Headers | undefined): void => {
    const reading = headers && budget.observe(headers);
    if (reading) options.onReading?.(reading);
  };
  octokit.hook.wrap('request', async (request, requestOptions) => {
    // The installation token is minted with the app's JWT: another limit than the installation's.
    if (String(requestOptions.url).includes('/access_tokens')) return request(requestOptions);
    for (let retries = 0; ; retries += 1) {
      if (options.sweep) await budget.beforeRequest();
      try {
        const response = await request(requestOptions);
        report(response.headers);
        return response;
      } catch (error) {
        report((error as { response?: { headers?: Headers } } | null)?.response?.headers);
        const wait = budget.limited(error);
        if (!options.sweep || wait === undefined || retries >= MAX_LIMIT_RETRIES) throw error;
      } finally {
        if (options.sweep) budget.done();
      }
    }
  });
  return octokit;
}
