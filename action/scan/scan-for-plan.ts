import type { Config } from '../../src/policy/config-schema.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { ScanResult } from '../../src/types.js';
import { FetchError } from './fetch-error.js';
import type { ScanGit } from './scan-git.js';
import { obtainRange } from './obtain-range.js';
import type { ScanPlan } from './plan-scan.js';

export interface PlanScanOptions {
  root: string;
  config: Config;
  git: ScanGit;
  /** Each raw secret, to mask before anything is printed. */
  onSecret: (secret: string) => void;
  /** Lines for the log (what fetching found out). */
  onNote: (note: string) => void;
}

const EMPTY: ScanResult = { findings: [], notices: [], stats: { files: 0, bytes: 0, commits: 0, skipped: 0, durationMs: 0 } };

/** Gets what the plan names into the clone (fetching when needed) and scans it. */
export async function scanForPlan(plan: ScanPlan, options: PlanScanOptions): Promise<ScanResult> {
  const { root, config, git, onSecret } = options;
  switch (plan.kind) {
    case 'nothing':
      return EMPTY;
    case 'tree':
      return runScan({ root, mode: 'tree', config, onSecret });
    case 'history': {
      // Every branch with all its history; a shallow checkout would scan only its one commit.
      const fetched = await git.fetchAllBranches();
      if (!fetched.ok) throw new FetchError(`cannot fetch the history of origin (${fetched.error}): check out with actions/checkout \`fetch-depth: 0\``);
      return runScan({ root, mode: 'history', config, onSecret });
    }
    case 'commits': {
      const range = await obtainRange(plan, git);
      for (const note of range.notes) options.onNote(note);
      return runScan({ root, mode: 'commits', commits: { include: range.include, exclude: range.exclude }, config, onSecret });
    }
  }
}
