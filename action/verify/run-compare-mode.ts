import * as core from '@actions/core';
import { codeCell, escapeMarkdown as md } from '../../src/report/escape-markdown.js';
import { InputError, type ActionSettings } from '../settings.js';
import { compareFingerprints, parseNeeds, type JobFingerprint, type JobProviderKey } from './compare-fingerprints.js';
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
  // The provider's columns only when a verify job had the provider's admin key.
  const atProvider = jobs.some((j) => j.providerKey);
  const rows = jobs.map((j) => {
    const sharedWith = jobs
      .filter(
        (o) =>
          o !== j &&
          ((o.fingerprint !== undefined && o.fingerprint === j.fingerprint) ||
            (o.providerKey !== undefined && o.providerKey.id === j.providerKey?.id)),
      )
      .map((o) => o.job);
    const compared = j.fingerprint !== undefined || j.providerKey !== undefined;
    // Job names, results, fingerprints and provider keys are the input's JSON: escaped, every one.
    return `| ${md(j.job)} | ${md(j.result)} | ${j.fingerprint ? codeCell(j.fingerprint) : '—'} |${atProvider ? ` ${providerCells(j.providerKey)} |` : ''} ${sharedWith.length ? `❌ same key as ${md(sharedWith.join(', '))}` : compared ? '✅ own key' : '⚠️ not compared'} |`;
  });
  return [
    '## Key Hygiene: one key per environment',
    '',
    `| Job | Result | Fingerprint |${atProvider ? ' Provider key | Project | Created | Last used |' : ''} Key |`,
    `|---|---|---|${atProvider ? '---|---|---|---|' : ''}---|`,
    ...rows,
    '',
  ].join('\n');
}

/** The provider's own record of the job's key: its id, project, and real creation and last use. */
function providerCells(key: JobProviderKey | undefined): string {
  if (!key) return '— | — | — | —';
  return `${codeCell(key.id)} | ${key.project ? codeCell(key.project) : '—'} | ${md(key.createdAt ?? '—')} | ${md(key.lastUsedAt ?? (key.createdAt ? 'never' : '—'))}`;
}
