import { FetchError } from './fetch-error.js';
import { obtainRange } from './obtain-range.js';
import type { ScanPlan } from './plan-scan.js';
import type { ScanGit } from './scan-git.js';

/** What a plan names, now in the clone and ready to scan. */
export type ScanTarget =
  | { kind: 'nothing' }
  | { kind: 'tree' }
  | { kind: 'history' }
  | { kind: 'commits'; include: string[]; exclude: string[] };

/**
 * Gets what the plan names into the clone (fetching when needed), before anything is read from it:
 * a pull request's config and baseline come from its base commit, which this fetches.
 */
export async function obtainForPlan(plan: ScanPlan, git: ScanGit, onNote: (note: string) => void): Promise<ScanTarget> {
  switch (plan.kind) {
    case 'nothing':
    case 'tree':
      return { kind: plan.kind };
    case 'history': {
      // Every branch with all its history; a shallow checkout would scan only its one commit.
      const fetched = await git.fetchAllBranches();
      if (!fetched.ok)
        throw new FetchError(
          `cannot fetch the history of origin (${fetched.error}): check out with actions/checkout \`fetch-depth: 0\``,
        );
      return { kind: 'history' };
    }
    case 'commits': {
      const range = await obtainRange(plan, git);
      for (const note of range.notes) onNote(note);
      return { kind: 'commits', include: range.include, exclude: range.exclude };
    }
  }
}
