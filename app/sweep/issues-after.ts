import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';
import type { Applied } from '../repo/apply-actions.js';

/**
 * The bot's issues as they are once `applied` went through — so the dashboard links the issues
 * this sweep opened without listing them again. Pure.
 */
export function issuesAfter(
  issues: readonly TrackedIssue[],
  applied: readonly Applied[],
  now: Date,
  botLogin: string,
): TrackedIssue[] {
  const after = issues.map((issue) => ({ ...issue, comments: [...issue.comments] }));
  const find = (number: number) => after.find((issue) => issue.number === number);
  for (const { action, number } of applied) {
    const comment = (body: string) =>
      find(number)?.comments.push({ author: botLogin, createdAt: now.toISOString(), body });
    switch (action.type) {
      case 'open':
        after.push({
          number,
          title: action.title,
          body: action.body,
          labels: action.labels,
          state: 'open',
          createdAt: now.toISOString(),
          author: botLogin,
          comments: [],
        });
        break;
      case 'comment':
        comment(action.body);
        break;
      case 'close': {
        if (action.comment) comment(action.comment);
        const issue = find(number);
        if (issue) issue.state = 'closed';
        break;
      }
      case 'update-body': {
        const issue = find(number);
        if (issue) issue.body = action.body;
        break;
      }
      case 'labels': {
        const issue = find(number);
        if (issue) issue.labels = [...issue.labels.filter((l) => !action.remove.includes(l)), ...action.add];
        break;
      }
    }
  }
  return after;
}
