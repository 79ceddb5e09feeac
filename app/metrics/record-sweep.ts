import type { AppMetrics } from './app-metrics.js';

/** What `sweepInstallation` returns, as far as the metrics need it. */
export interface SweptRepositories {
  swept: readonly string[];
  skipped: readonly string[];
  failed: readonly string[];
}

/**
 * Counts one installation sweep's repositories by outcome. Call it where a sweep result arrives
 * (the scheduler, the queue worker, `sweep --once`); `failed` lines also name organisation passes,
 * which count as failed too.
 */
export function recordSweep(metrics: AppMetrics, result: SweptRepositories): void {
  metrics.repositories('swept', result.swept.length);
  metrics.repositories('skipped', result.skipped.length);
  metrics.repositories('failed', result.failed.length);
}
