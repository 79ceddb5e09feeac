import { actionLog } from './action-log.js';
import { runAuditMode } from './audit/run-audit-mode.js';
import { runEnvironmentsMode } from './environments/run-environments-mode.js';
import { readSettings } from './settings.js';
import { runScanMode } from './scan/run-scan-mode.js';
import { runCompareMode } from './verify/run-compare-mode.js';
import { runVerifyMode } from './verify/run-verify-mode.js';

const MODES = {
  scan: runScanMode,
  environments: runEnvironmentsMode,
  verify: runVerifyMode,
  compare: runCompareMode,
  audit: runAuditMode,
};

/** The Action: read the inputs once, run the mode, and fail the step with one line on any error. */
export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    await MODES[settings.mode](settings);
  } catch (error) {
    actionLog.setFailed(error instanceof Error ? error.message : String(error));
  }
}
