import { DASHBOARD_TITLE } from './render-dashboard.js';
import type { IssueAction } from '../issue-action.js';
import { issueKindOf } from '../issue-kind.js';
import { TRACKING_LABEL } from '../issue-labels.js';
import { sameLogin } from '../key-issues/last-notice.js';
import type { TrackedIssue } from '../tracked-issue.js';

const KEY = 'dashboard';

/**
 * Keep exactly one open dashboard issue with `body` (from `renderDashboard`): open it, rewrite it
 * when it changed, close newer duplicates; close it when the policy turns `dashboard` off.
 */
export function planDashboard(
  issues: readonly TrackedIssue[],
  body: string,
  options: { enabled: boolean; botLogin: string },
): IssueAction[] {
  const open = issues
    .filter(
      (i) =>
        i.state === 'open' &&
        issueKindOf(i) === 'dashboard' &&
        (i.author === undefined || sameLogin(i.author, options.botLogin)),
    )
    .sort((a, b) => a.number - b.number);
  const [kept, ...duplicates] = open;
  const actions: IssueAction[] = duplicates.map((d) => ({
    type: 'close',
    key: KEY,
    issue: d.number,
    reason: 'not_planned',
    comment: `Duplicate of #${kept!.number}.`,
  }));
  if (!options.enabled)
    return kept
      ? [
          ...actions,
          {
            type: 'close',
            key: KEY,
            issue: kept.number,
            reason: 'not_planned',
            comment: 'The policy turned the dashboard off (`dashboard: false`).',
          },
        ]
      : actions;
  if (!kept) return [...actions, { type: 'open', key: KEY, title: DASHBOARD_TITLE, body, labels: [TRACKING_LABEL] }];
  if (kept.body !== body) actions.push({ type: 'update-body', key: KEY, issue: kept.number, body });
  return actions;
}
