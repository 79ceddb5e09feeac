import type { AppOctokit } from './octokit.js';
import { rateLimitWaitMs } from './rate-limit-headers.js';
import type { AppMetrics, RequestResult } from '../metrics/app-metrics.js';

/** How one exchange ended: a 403/429 that asked to wait is `rate-limited`, not a plain 4xx. */
export function requestResult(status: number | undefined, error?: unknown): RequestResult {
  if (status === undefined) return 'no-response';
  if (status === 304) return '304';
  if (error !== undefined && rateLimitWaitMs(error, 0) !== undefined) return 'rate-limited';
  return status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
}

const counted = new WeakSet<object>();

/**
 * Counts every exchange of this client with GitHub by route template, method and result. Installed
 * before the ETag cache and the budget, so a 304 counts as one (not as the cached 200 it turns
 * into) and each retry after a rate limit counts as its own request.
 */
export function useRequestMetrics<T extends AppOctokit>(octokit: T, metrics: AppMetrics): T {
  if (counted.has(octokit)) return octokit;
  counted.add(octokit);
  octokit.hook.wrap('request', async (request, options) => {
    const method = String(options.method);
    const url = String(options.url);
    try {
      const response = await request(options);
      metrics.request(method, url, requestResult(response.status));
      return response;
    } catch (error) {
      const status = (error as { status?: unknown } | null)?.status;
      metrics.request(method, url, requestResult(typeof status === 'number' ? status : undefined, error));
      throw error;
    }
  });
  return octokit;
}
