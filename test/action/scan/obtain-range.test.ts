import { describe, expect, it } from 'vitest';
import { obtainRange } from '../../../action/scan/obtain-range.js';
import { planScan } from '../../../action/scan/plan-scan.js';
import type { ScanGit } from '../../../action/scan/scan-git.js';
import { pushPayload } from './support.js';

const BEFORE = 'a'.repeat(40);
const AFTER = 'b'.repeat(40);
const MAIN = 'c'.repeat(40);

/** A complete clone (nothing shallow, every commit local) that answers `hasMerges` as told, and counts ls-remote calls. */
function completeClone(merges: boolean): ScanGit & { lsRemote: number } {
  return {
    lsRemote: 0,
    async remoteBranches() {
      this.lsRemote++;
      return new Map([
        ['refs/heads/main', MAIN],
        ['refs/heads/feature', AFTER],
      ]);
    },
    hasCommit: async () => true,
    fetch: async () => ({ ok: true, error: '' }),
    fetchAllBranches: async () => ({ ok: true, error: '' }),
    peel: async (sha) => sha,
    bottoms: async () => [],
    shallowCommits: async () => new Set(),
    hasMerges: async () => merges,
    showFile: async () => undefined,
  };
}

describe('obtainRange on a plain push', () => {
  const plan = planScan('push', pushPayload({ ref: 'refs/heads/feature', before: BEFORE, after: AFTER }), 'tree');
  if (plan.kind !== 'commits') throw new Error('expected a commits plan');

  it('asks origin for its branches only when the range holds a merge commit', async () => {
    const git = completeClone(false);
    expect(await obtainRange(plan, git)).toEqual({ include: [AFTER], exclude: [BEFORE], notes: [] });
    expect(git.lsRemote).toBe(0);
  });

  it("then excludes the other branches' tips, not the pushed branch's own", async () => {
    const git = completeClone(true);
    const range = await obtainRange(plan, git);
    expect(range.exclude).toEqual([BEFORE, MAIN]);
    expect(range.notes).toEqual([
      'the push merges other commits: scanning what it adds over every other branch of origin',
    ]);
    expect(git.lsRemote).toBe(1);
  });
});
