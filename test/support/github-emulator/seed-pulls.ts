import { findBranch, headShaOf } from './branches.js';
import type { EmulatorClock } from './clock.js';
import type { Store } from './store.js';
import type { BranchRecord, PullRecord, RepoRecord } from './types.js';

type RepoLookup = (fullName: string) => RepoRecord;

/** Branches and merges of map-backed repositories (the routes create branches and pull requests). */
export function createPullSeeders(store: Store, clock: EmulatorClock, repoByName: RepoLookup) {
  return {
    /** A branch cut from the default branch, with `files` written over it. */
    branch: (fullName: string, name: string, files: Record<string, string> = {}): BranchRecord => {
      const repo = repoByName(fullName);
      if (findBranch(store, repo, name)) throw new Error(`emulator seed: branch "${name}" of ${fullName} exists`);
      const record: BranchRecord = { repoId: repo.id, name, files: new Map([...repo.files, ...Object.entries(files)]) };
      store.branches.push(record);
      return record;
    },
    /**
     * Merges pull request `number` as someone with write access would (the emulator has no merge
     * route): the head branch's files land on the base branch, the pull request is closed as merged.
     */
    mergePull: (fullName: string, number: number, by = 'octocat'): PullRecord => {
      const repo = repoByName(fullName);
      const pull = store.pulls.find((p) => p.repoId === repo.id && p.number === number);
      const issue = store.issue(repo.id, number);
      const head = pull && findBranch(store, repo, pull.head);
      const base = pull && findBranch(store, repo, pull.base);
      if (!pull || !issue || issue.state !== 'open' || !head || !base)
        throw new Error(`emulator seed: ${fullName}#${number} is not an open pull request with both branches`);
      for (const [path, text] of head.files) base.files.set(path, text);
      const now = clock.now();
      Object.assign(pull, { headSha: headShaOf(head.files), mergedAt: now, mergedBy: by });
      Object.assign(issue, { state: 'closed', closedAt: now, updatedAt: now });
      return pull;
    },
  };
}
