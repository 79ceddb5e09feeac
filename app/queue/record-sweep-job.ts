import type { AppMetrics } from '../metrics/app-metrics.js';
import type { SweepJobEvent } from './bullmq-sweep-queue.js';

/** Counts each repository a queue worker swept, or gave up on past its attempts (app/metrics: `repositories`). */
export function recordSweepJob(metrics: AppMetrics, event: SweepJobEvent): void {
  if (event.kind !== 'repo' || event.outcome === 'retry') return;
  metrics.repositories(event.outcome === 'done' ? 'swept' : 'failed');
}
