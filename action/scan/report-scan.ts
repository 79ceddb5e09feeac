import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import type { Detector } from '../../src/detectors/detector.js';
import { formatSummary } from '../../src/report/format-summary.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderSarif } from '../../src/report/render-sarif.js';
import type { ScanResult } from '../../src/types.js';
import { VERSION } from '../../src/version.js';
import { actionLog } from '../action-log.js';
import type { ActionSettings } from '../settings.js';
import { annotateFindings, notAnnotated } from './annotate-findings.js';

/**
 * Reports a scan the ways a check is read: annotations on the lines, the job summary, the SARIF
 * file for code scanning, and the `findings` / `sarif-file` outputs. Every one shows keys redacted.
 */
export async function reportScan(
  result: ScanResult,
  about: { scanned: string; notes: string[] },
  detectors: readonly Detector[],
  settings: ActionSettings,
): Promise<void> {
  const { context } = settings;
  actionLog.info(formatSummary(result));
  for (const notice of result.notices) actionLog.info(`skipped ${notice.path || '.'}: ${notice.message}`);
  const skipped = annotateFindings(result.findings, detectors, actionLog);
  if (skipped > 0) actionLog.info(notAnnotated(skipped, result.findings.length));

  await mkdir(dirname(settings.sarifPath), { recursive: true });
  await writeFile(
    settings.sarifPath,
    renderSarif(result, { detectors, toolVersion: VERSION, root: context.workspace }),
  );
  core.setOutput('findings', String(result.findings.length));
  core.setOutput('sarif-file', settings.sarifPath);

  const markdown = renderMarkdown(result, {
    detectors,
    scanned: about.scanned,
    notes: about.notes,
    repositoryUrl: `${context.serverUrl}/${context.repository}`,
    commit: context.sha,
  });
  const note = skipped > 0 ? `\n> ${notAnnotated(skipped, result.findings.length)}\n` : '';
  await core.summary.addRaw(markdown + note).write();
}
