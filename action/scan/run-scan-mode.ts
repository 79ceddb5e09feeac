import * as core from '@actions/core';
import { failsOn } from '../../src/report/fails-on.js';
import { buildDetectors } from '../../src/scan/build-detectors.js';
import { dropBaselined } from '../../src/scan/baseline.js';
import { applyMinConfidence } from '../../src/scan/apply-min-confidence.js';
import { keyFindings } from '../../src/scan/fingerprint-key.js';
import { createSecretVault } from '../../src/scan/secret-vault.js';
import { verifyFindings } from '../../src/scan/verify-findings.js';
import { envFileRule } from '../../src/scan/hygiene.js';
import { defaultGitRunner, type GitRunner } from '../../src/sources/git-runner.js';
import { actionLog } from '../action-log.js';
import type { ActionSettings } from '../settings.js';
import { createScanGit } from './scan-git.js';
import { loadScanPolicy } from './load-scan-policy.js';
import { obtainForPlan } from './obtain-for-plan.js';
import { planScan } from './plan-scan.js';
import { reportScan } from './report-scan.js';
import { resolvePolicySource } from './resolve-policy-source.js';
import { scanForPlan } from './scan-for-plan.js';

/** `mode: scan`: scan what the event adds, mask what was found, report it, fail on the threshold. */
export async function runScanMode(settings: ActionSettings, git: GitRunner = defaultGitRunner): Promise<void> {
  const { context } = settings;
  const plan = planScan(context.eventName, context.event, settings.scan);
  actionLog.info(`Key Hygiene: ${plan.describe}`);
  const scanGit = createScanGit(context.workspace, git);
  // What was learnt on the way (a tip gone from origin, a config this push changes): the log and the summary.
  const notes: string[] = [];
  const note = (line: string) => {
    notes.push(line);
    actionLog.info(line);
  };
  const target = await obtainForPlan(plan, scanGit, note);
  const { config, baseline } = await loadScanPolicy(settings, await resolvePolicySource(plan, scanGit), scanGit, note);

  const mask = maskOnce();
  // verify-keys: the keys a provider can be asked about are kept, by keyed fingerprint, until they are asked.
  const vault = settings.verifyKeys ? createSecretVault(settings.fingerprintKey) : undefined;
  const onSecret = (secret: string, detector: string) => {
    mask(secret);
    vault?.onSecret(secret, detector);
  };
  let result = await scanForPlan(target, { root: context.workspace, config, onSecret });
  result.findings = keyFindings(result.findings, settings.fingerprintKey);
  if (baseline) result.findings = dropBaselined(result.findings, baseline);
  // Before verify-keys: a key below the bar is not sent to its provider either.
  result = applyMinConfidence(result, settings.minConfidence ?? config.scan['min-confidence'] ?? 'low');
  if (vault)
    result.findings = await verifyFindings(result.findings, { secrets: vault, fetch, urls: settings.verifyUrls });

  await reportScan(result, { scanned: plan.describe, notes }, [...buildDetectors(config), envFileRule], settings);
  if (failsOn(result.findings, settings.failOn)) {
    actionLog.setFailed(
      `${result.findings.length} ${result.findings.length === 1 ? 'key' : 'keys'} found: see the annotations and the job summary`,
    );
  }
}

/**
 * core.setSecret masks only what is logged after it
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#masking-a-value-in-a-log):
 * each key is masked the moment the scanner finds it, before any report line exists.
 */
function maskOnce(): (secret: string) => void {
  const masked = new Set<string>();
  return (secret) => {
    if (masked.has(secret)) return;
    masked.add(secret);
    core.setSecret(secret);
  };
}
