import { describe, expect, it } from 'vitest';
import { planScan } from '../../../action/scan/plan-scan.js';
import { examplePayload, pullRequestPayload, pushPayload, ZERO } from './support.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('planScan', () => {
  it('plain push: before..after, and over the other branches when the range merges them', () => {
    expect(planScan('push', pushPayload({ ref: 'refs/heads/main', before: A, after: B }), 'tree')).toEqual({
      kind: 'commits',
      include: [B],
      exclude: [A],
      excludeOtherBranchesIfMerged: { except: 'refs/heads/main' },
      describe: 'push to main: aaaaaaa..bbbbbbb',
      policy: { commit: A, branch: 'master', pushedRef: 'refs/heads/main', words: 'push' },
    });
  });

  it('a push is decided by the policy from before it: `before`, else the default branch, never the pushed ref', () => {
    const forced = planScan('push', pushPayload({ ref: 'refs/heads/x', before: A, after: B, forced: true }), 'tree');
    expect(forced).toMatchObject({ policy: { commit: A, branch: 'master', pushedRef: 'refs/heads/x', words: 'push' } });
    const created = planScan(
      'push',
      pushPayload({ ref: 'refs/heads/x', before: ZERO, after: B, created: true }),
      'tree',
    );
    expect(created).toMatchObject({ policy: { branch: 'master', pushedRef: 'refs/heads/x' } });
    expect(created.kind === 'commits' && 'commit' in created.policy).toBe(false);
    const tag = examplePayload('push', (p) => p.ref.startsWith('refs/tags/') && p.created);
    expect(planScan('push', tag, 'tree')).toMatchObject({
      policy: { branch: tag.repository.default_branch, pushedRef: tag.ref },
    });
  });

  it('new branch (before all zeros): what no other branch of origin has', () => {
    const plan = planScan(
      'push',
      pushPayload({ ref: 'refs/heads/feature/x', before: ZERO, after: B, created: true }),
      'tree',
    );
    expect(plan).toMatchObject({
      kind: 'commits',
      include: [B],
      exclude: [],
      excludeOtherBranches: { except: 'refs/heads/feature/x' },
    });
  });

  it('force push: the old tip may be gone, the other branches are excluded too', () => {
    const plan = planScan('push', pushPayload({ ref: 'refs/heads/main', before: A, after: B, forced: true }), 'tree');
    expect(plan).toMatchObject({
      kind: 'commits',
      include: [B],
      exclude: [],
      optionalExclude: [A],
      excludeOtherBranches: { except: 'refs/heads/main' },
    });
  });

  it('deleted branch or tag: nothing to scan', () => {
    expect(
      planScan('push', pushPayload({ ref: 'refs/heads/old', before: A, after: ZERO, deleted: true }), 'tree'),
    ).toEqual({
      kind: 'nothing',
      describe: 'push deleted refs/heads/old: nothing to scan',
    });
    const tagDeleted = examplePayload('push', (p) => p.ref.startsWith('refs/tags/') && p.deleted);
    expect(planScan('push', tagDeleted, 'tree')).toMatchObject({ kind: 'nothing' });
  });

  it("new tag: the tagged commit's commits that are on no branch", () => {
    const created = examplePayload('push', (p) => p.ref.startsWith('refs/tags/') && p.created);
    expect(planScan('push', created, 'tree')).toMatchObject({
      kind: 'commits',
      include: [created.after],
      exclude: [],
      excludeOtherBranches: {},
    });
  });

  it('pull_request, pull_request_target and merge_group: base..head, by the policy of the base', () => {
    for (const event of ['pull_request', 'pull_request_target']) {
      expect(planScan(event, pullRequestPayload(A, B), 'tree')).toMatchObject({
        kind: 'commits',
        include: [B],
        exclude: [A],
        policy: { commit: A, words: 'base' },
      });
    }
    const group = examplePayload('merge_group');
    const { base_sha: base, head_sha: head } = group.merge_group;
    expect(planScan('merge_group', group, 'tree')).toMatchObject({
      include: [head],
      exclude: [base],
      policy: { commit: base, words: 'base' },
    });
  });

  it('schedule and workflow_dispatch: the tree or the history, as the scan input says', () => {
    expect(planScan('schedule', { schedule: '0 3 * * *' }, 'tree')).toMatchObject({ kind: 'tree' });
    expect(planScan('workflow_dispatch', examplePayload('workflow_dispatch'), 'history')).toMatchObject({
      kind: 'history',
    });
  });

  it('an unknown event or a payload without the SHAs: one line that names it', () => {
    expect(() => planScan('release', {}, 'tree')).toThrow(
      "mode 'scan' has nothing to scan on the 'release' event: run it on push, pull_request, pull_request_target, merge_group, schedule or workflow_dispatch",
    );
    expect(() => planScan('push', { ref: 'refs/heads/main', before: A, after: 'HEAD' }, 'tree')).toThrow(
      `the event payload's push.after is "HEAD": expected a full commit SHA`,
    );
    expect(() => planScan('pull_request', {}, 'tree')).toThrow('pull_request.pull_request.base.sha is missing');
  });
});
