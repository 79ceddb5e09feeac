import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { TrackedIssue } from '../../src/tracking/tracked-issue.js';

export const BOT = 'key-hygiene[bot]';

/**
 * A repository's issues in memory: applies planned actions the way the adapter would through the
 * REST API, stamping times from the test's clock.
 */
export class FakeIssues {
  issues: TrackedIssue[] = [];
  private next = 1;

  apply(actions: readonly IssueAction[], now: Date): void {
    for (const action of actions) this.applyOne(action, now.toISOString());
  }

  get(number: number): TrackedIssue {
    const issue = this.issues.find((i) => i.number === number);
    if (!issue) throw new Error(`no issue #${number}`);
    return issue;
  }

  open(): TrackedIssue[] {
    return this.issues.filter((i) => i.state === 'open');
  }

  /** A comment by someone (a user, or the bot answering a command). */
  comment(number: number, author: string, body: string, now: Date): void {
    this.get(number).comments.push({ author, body, createdAt: now.toISOString() });
  }

  private applyOne(action: IssueAction, at: string): void {
    switch (action.type) {
      case 'open':
        this.issues.push({
          number: this.next++,
          title: action.title,
          body: action.body,
          labels: [...action.labels],
          state: 'open',
          createdAt: at,
          author: BOT,
          comments: [],
        });
        return;
      case 'comment':
        this.get(action.issue).comments.push({ author: BOT, body: action.body, createdAt: at });
        return;
      case 'labels': {
        const issue = this.get(action.issue);
        issue.labels = [...issue.labels.filter((l) => !action.remove.includes(l)), ...action.add];
        return;
      }
      case 'close': {
        const issue = this.get(action.issue);
        if (action.comment) issue.comments.push({ author: BOT, body: action.comment, createdAt: at });
        issue.state = 'closed';
        return;
      }
      case 'update-body':
        this.get(action.issue).body = action.body;
        return;
    }
  }
}
