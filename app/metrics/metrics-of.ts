import type { AppMetrics } from './app-metrics.js';

const byClient = new WeakMap<object, AppMetrics>();

/** Ties a prepared client to its app's metrics, so code that only holds the client can count. */
export function attachMetrics(octokit: object, metrics: AppMetrics): void {
  byClient.set(octokit, metrics);
}

/** The metrics of the app that prepared this client, if one did (`prepareClient`). */
export function metricsOf(octokit: object): AppMetrics | undefined {
  return byClient.get(octokit);
}
