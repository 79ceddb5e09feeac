import * as core from '@actions/core';
import { codeCell, escapeMarkdown as md } from '../../src/report/escape-markdown.js';
import { InputError, type ActionSettings } from '../settings.js';
import { compareFingerprints, parseNeeds, type JobFingerprint } from './compare-fingerprints.js';
import { reportChecks } from './report-checks.js';

/**
 * `mode: compare` (README, "Verify keys without ever showing them"), in a job that `needs:` the
 * verify jobs: fail when two of them output the same fingerprint, i.e. one key serves several
 * environments.
 */
export async function runCompareMode(settings: ActionSettings): Promise<void> {
  if (!settings.fingerprints.trim())
    throw new InputError("input 'fingerprints' is empty: pass fingerprints: ${{ toJSON(needs) }}");
  let jobs: JobFingerprint[];
  try {
    jobs = parseNeeds(settings.fingerprints);
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  const checks = compareFingerprints(jobs);
  await core.summary.addRaw(renderCompareSummary(jobs)).write();
  reportChecks(checks, settings.failOn, 'comparison');
}

function renderCompareSummary(jobs: JobFingerprint[]): string {
  const rows = jobs.map((j) => {
    const sharedWith = jobs
      .filter((o) => o !== j && o.fingerprint !== undefined && o.fingerprint === j.fingerprint)
      .map((o) => o.job);
    // Job names, results and fingerprints are the input's JSON: escaped, a fingerprint included.
    return `| ${md(j.job)} | ${md(j.result)} | ${j.fingerprint ? codeCell(j.fingerprint) : '—'} | ${sharedWith.length ? `❌ same key as ${md(sharedWith.join(', '))}` : j.fingerprint ? '✅ own key' : '⚠️ not compared'} |`;
  });
  return [
    '## Key Hygiene: one key per environment',
    '',
    '| Job | Result | Fingerprint | Key |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
