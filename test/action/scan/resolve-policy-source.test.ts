import { describe, expect, it } from 'vitest';
import type { ScanPlan } from '../../../action/scan/plan-scan.js';
import { resolvePolicySource } from '../../../action/scan/resolve-policy-source.js';
import type { ScanGit } from '../../../action/scan/scan-git.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const M = 'c'.repeat(40);

/** A clone that holds `local`, and an origin whose branches are `branches`. */
function fakeGit(local: string[], branches: Record<string, string>): ScanGit & { fetched: string[][] } {
  const fetched: string[][] = [];
  const git = {
    fetched,
    hasCommit: async (sha: string) => local.includes(sha),
    remoteBranches: async () => new Map(Object.entries(branches)),
    fetch: async (shas: readonly string[]) => {
      fetched.push([...shas]);
      local.push(...shas);
      return { ok: true, error: '' };
    },
  };
  return git as unknown as ScanGit & { fetched: string[][] };
}

const push = (policy: Extract<ScanPlan, { kind: 'commits' }>['policy']): ScanPlan => ({
  kind: 'commits',
  include: [B],
  exclude: [],
  policy,
  describe: 'push',
});

describe('resolvePolicySource', () => {
  it('takes the commit before the push when the clone has it', async () => {
    const source = await resolvePolicySource(
      push({ commit: A, branch: 'main', pushedRef: 'refs/heads/x', words: 'push' }),
      fakeGit([A, B], {}),
    );
    expect(source).toEqual({ kind: 'commit', sha: A, words: 'push' });
  });

  it("else the default branch's tip, fetched when the clone lacks it", async () => {
    const git = fakeGit([B], { 'refs/heads/main': M });
    const source = await resolvePolicySource(push({ branch: 'main', pushedRef: 'refs/heads/x', words: 'push' }), git);
    expect(source).toEqual({ kind: 'commit', sha: M, words: 'push', branch: 'main' });
    expect(git.fetched).toEqual([[M]]);
  });

  it("never the pushed ref's own tip, nor a tip the push reaches: the defaults then", async () => {
    const own = await resolvePolicySource(
      push({ branch: 'main', pushedRef: 'refs/heads/main', words: 'push' }),
      fakeGit([B], { 'refs/heads/main': B }),
    );
    expect(own).toMatchObject({
      kind: 'none',
      why: 'the push has no commit before it, and it is to the default branch main itself',
    });
    const same = await resolvePolicySource(
      push({ branch: 'main', pushedRef: 'refs/tags/v1', words: 'push' }),
      fakeGit([B], { 'refs/heads/main': B }),
    );
    expect(same).toMatchObject({ kind: 'none' });
  });

  it("a pull request's base that is not in the clone fails the step: nothing stands in for it", async () => {
    const plan: ScanPlan = {
      kind: 'commits',
      include: [B],
      exclude: [A],
      policy: { commit: A, words: 'base' },
      describe: 'pr',
    };
    await expect(resolvePolicySource(plan, fakeGit([B], { 'refs/heads/main': M }))).rejects.toThrow(
      'cannot read the config at the base aaaaaaa',
    );
  });

  it('tree and history scans read the workspace', async () => {
    expect(await resolvePolicySource({ kind: 'tree', describe: 'tree' }, fakeGit([], {}))).toEqual({
      kind: 'workspace',
    });
  });
});
