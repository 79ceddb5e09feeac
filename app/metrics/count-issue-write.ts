import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { IssueWrite } from './app-metrics.js';
import { metricsOf } from './metrics-of.js';

const WRITES: Record<IssueAction['type'], IssueWrite> = {
  open: 'opened',
  close: 'closed',
  comment: 'commented',
  labels: 'relabelled',
  'update-body': 'updated',
};

/** Counts an applied action on the metrics of the client that applied it (a close with a comment counts both). */
export function countIssueWrite(octokit: object, action: IssueAction): void {
  const metrics = metricsOf(octokit);
  if (!metrics) return;
  if (action.type === 'close' && action.comment) metrics.issue('commented');
  metrics.issue(WRITES[action.type]);
}
