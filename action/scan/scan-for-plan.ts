import type { Config } from '../../src/policy/config-schema.js';
import { runScan } from '../../src/scan/run-scan.js';
import { commitsSource } from '../../src/sources/commits-source.js';
import { historySource } from '../../src/sources/history-source.js';
import { treeSource } from '../../src/sources/tree-source.js';
import type { ScanResult } from '../../src/types.js';
import type { ScanTarget } from './obtain-for-plan.js';

export interface PlanScanOptions {
  root: string;
  config: Config;
  /** Each raw secret, to mask before anything is printed. */
  onSecret: (secret: string, detector: string) => void;
}

const EMPTY: ScanResult = {
  findings: [],
  notices: [],
  stats: { files: 0, bytes: 0, commits: 0, skipped: 0, durationMs: 0 },
};

/** Scans what obtainForPlan got into the clone. */
export async function scanForPlan(target: ScanTarget, options: PlanScanOptions): Promise<ScanResult> {
  const { root, config, onSecret } = options;
  switch (target.kind) {
    case 'nothing':
      return EMPTY;
    case 'tree':
      return runScan({ source: treeSource(root), config, onSecret });
    case 'history':
      return runScan({ source: historySource(root), config, onSecret });
    case 'commits':
      return runScan({
        source: commitsSource(root, { include: target.include, exclude: target.exclude }),
        config,
        onSecret,
      });
  }
}
