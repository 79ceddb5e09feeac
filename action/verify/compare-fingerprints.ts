import type { Check } from './report-checks.js';

/** One job of the `needs` context: `{ result, outputs: { fingerprint } }`. */
export interface JobFingerprint {
  job: string;
  result: string;
  fingerprint?: string;
}

/** Reads `${{ toJSON(needs) }}`. https://docs.github.com/actions/reference/workflows-and-actions/contexts#needs-context */
export function parseNeeds(json: string): JobFingerprint[] {
  let needs: unknown;
  try {
    needs = JSON.parse(json);
  } catch {
    throw new Error("input 'fingerprints' is not JSON: pass fingerprints: ${{ toJSON(needs) }}");
  }
  if (typeof needs !== 'object' || needs === null || Array.isArray(needs)) {
    throw new Error("input 'fingerprints' is not an object of jobs: pass fingerprints: ${{ toJSON(needs) }}");
  }
  return Object.entries(needs as Record<string, { result?: unknown; outputs?: Record<string, unknown> }>).map(
    ([job, data]) => {
      const fingerprint = data?.outputs?.fingerprint;
      return {
        job,
        result: String(data?.result ?? 'unknown'),
        ...(typeof fingerprint === 'string' && fingerprint !== '' && { fingerprint }),
      };
    },
  );
}

/**
 * Two jobs with one fingerprint hold one key: it is reused across their environments (error).
 * A job without a fingerprint was not compared (warning): it failed, was skipped, or does not map
 * the verify step's `fingerprint` output to a job output.
 */
export function compareFingerprints(jobs: JobFingerprint[]): Check[] {
  const checks: Check[] = jobs
    .filter((j) => j.fingerprint === undefined)
    .map((j) => ({
      level: 'warning',
      title: `No fingerprint from job ${j.job}`,
      message: `Job ${j.job} (result: ${j.result}) has no 'fingerprint' output, so its key was not compared: give the job outputs: { fingerprint: \${{ steps.<verify step id>.outputs.fingerprint }} }.`,
    }));
  const byFingerprint = new Map<string, JobFingerprint[]>();
  for (const j of jobs)
    if (j.fingerprint !== undefined) byFingerprint.set(j.fingerprint, [...(byFingerprint.get(j.fingerprint) ?? []), j]);
  for (const [fingerprint, group] of byFingerprint) {
    if (group.length < 2) continue;
    const names = group.map((j) => j.job);
    checks.push({
      level: 'error',
      title: 'One key reused across environments',
      message: `Jobs ${names.join(', ')} hold the same key (fingerprint ${fingerprint}): each environment needs its own key. Make a new key for each and update the environment secrets.`,
    });
  }
  return checks;
}
