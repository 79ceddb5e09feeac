import { describe, expect, it } from 'vitest';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { renderDashboardMarker } from '../../../src/tracking/dashboard-marker.js';
import type { OpenIssueAction } from '../../../src/tracking/issue-action.js';
import { renderKeyMarker } from '../../../src/tracking/key-marker.js';
import { planTwinClose } from '../../../src/tracking/key-issues/plan-twin-close.js';
import type { TrackedIssue } from '../../../src/tracking/tracked-issue.js';

const BOT = 'key-hygiene[bot]';
const KEY = 'acme/api|repo|*|openai_api_key|rotate';
const opened: OpenIssueAction = {
  type: 'open',
  key: KEY,
  title: 'Rotate OPENAI_API_KEY',
  body: renderKeyMarker({ key: KEY }),
  labels: [],
};
const issue = (number: number, body: string, more: Partial<TrackedIssue> = {}): TrackedIssue => ({
  number,
  title: '',
  body,
  labels: [],
  state: 'open',
  author: BOT,
  comments: [],
  ...more,
});

describe('planTwinClose', () => {
  it('closes the issue just opened when an older open issue of the bot tracks the same key, pointing at the oldest', () => {
    const twin = planTwinClose(
      opened,
      9,
      [issue(7, renderKeyMarker({ key: KEY })), issue(4, renderKeyMarker({ key: KEY })), issue(9, opened.body)],
      BOT,
    );
    expect(twin).toMatchObject({ original: 4, close: { type: 'close', key: KEY, issue: 9, reason: 'not_planned' } });
    expect(twin!.close.comment).toMatch(/^Duplicate of #4/);
    expect(parseCommentMarker(twin!.close.comment)).toMatchObject({ key: KEY, kind: 'duplicate' });
  });

  it('keeps it when it is the oldest, or the others are newer, closed, someone else’s or another key', () => {
    const others = [
      issue(12, renderKeyMarker({ key: KEY })),
      issue(3, renderKeyMarker({ key: KEY }), { state: 'closed' }),
      issue(2, renderKeyMarker({ key: KEY }), { author: 'mallory' }),
      issue(1, renderKeyMarker({ key: 'acme/api|repo|*|stripe_api_key|rotate' })),
    ];
    expect(planTwinClose(opened, 9, others, BOT)).toBeUndefined();
  });

  it('matches dashboards by their marker', () => {
    const dashboard: OpenIssueAction = {
      type: 'open',
      key: 'dashboard',
      title: 'Key hygiene dashboard',
      body: renderDashboardMarker(),
      labels: [],
    };
    expect(
      planTwinClose(
        dashboard,
        5,
        [issue(2, `table\n${renderDashboardMarker()}`), issue(1, renderKeyMarker({ key: KEY }))],
        BOT,
      ),
    ).toMatchObject({ original: 2, close: { issue: 5, comment: 'Duplicate of #2.' } });
  });
});
