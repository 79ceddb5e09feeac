import type { Check } from './report-checks.js';

/** One job of the `needs` context: `{ result, outputs: { fingerprint, provider-key-id, … } }`. */
export interface JobFingerprint {
  job: string;
  result: string;
  fingerprint?: string;
  /** The provider's own record of the key, when the verify step had the provider's admin key. */
  providerKey?: JobProviderKey;
}

/** verify's `provider-key-*` outputs: the provider's id of the key, its project, and its real dates. */
export interface JobProviderKey {
  id: string;
  project?: string;
  createdAt?: string;
  lastUsedAt?: string;
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
      const providerKey = readProviderKey(data?.outputs);
      return {
        job,
        result: String(data?.result ?? 'unknown'),
        ...(typeof fingerprint === 'string' && fingerprint !== '' && { fingerprint }),
        ...(providerKey && { providerKey }),
      };
    },
  );
}

function readProviderKey(outputs: Record<string, unknown> | undefined): JobProviderKey | undefined {
  const text = (name: string) => {
    const value = outputs?.[`provider-key-${name}`];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const id = text('id');
  if (id === undefined) return undefined;
  const [project, createdAt, lastUsedAt] = [text('project'), text('created-at'), text('last-used-at')];
  return { id, ...(project && { project }), ...(createdAt && { createdAt }), ...(lastUsedAt && { lastUsedAt }) };
}

/**
 * Two jobs with one fingerprint hold one key: it is reused across their environments (error).
 * Two jobs with one provider key id hold one key by the provider's own record, whatever their
 * fingerprints say (e.g. made under different `fingerprint-key`s); a group both find is said once,
 * by its provider key id. A job without a fingerprint was not compared (warning): it failed, was
 * skipped, or does not map the verify step's `fingerprint` output to a job output.
 */
export function compareFingerprints(jobs: JobFingerprint[]): Check[] {
  const checks: Check[] = jobs
    .filter((j) => j.fingerprint === undefined && j.providerKey === undefined)
    .map((j) => ({
      level: 'warning',
      title: `No fingerprint from job ${j.job}`,
      message: `Job ${j.job} (result: ${j.result}) has no 'fingerprint' output, so its key was not compared: give the job outputs: { fingerprint: \${{ steps.<verify step id>.outputs.fingerprint }} }.`,
    }));
  const byProviderKey = groupBy(jobs, (j) => j.providerKey?.id);
  for (const [id, group] of byProviderKey) {
    if (group.length < 2) continue;
    const project = group.find((j) => j.providerKey?.project)?.providerKey?.project;
    checks.push({
      level: 'error',
      title: 'One provider key reused across environments',
      message: `Jobs ${group.map((j) => j.job).join(', ')} hold the same provider key ${id}${project ? ` (project ${project})` : ''}: each environment needs its own key. Make a new key for each, update the environment secrets, and delete ${id} at the provider.`,
    });
  }
  const byFingerprint = groupBy(jobs, (j) => j.fingerprint);
  for (const [fingerprint, group] of byFingerprint) {
    if (group.length < 2) continue;
    if (sameProviderKey(group, byProviderKey)) continue;
    const names = group.map((j) => j.job);
    checks.push({
      level: 'error',
      title: 'One key reused across environments',
      message: `Jobs ${names.join(', ')} hold the same key (fingerprint ${fingerprint}): each environment needs its own key. Make a new key for each and update the environment secrets.`,
    });
  }
  return checks;
}

function groupBy(
  jobs: JobFingerprint[],
  by: (job: JobFingerprint) => string | undefined,
): Map<string, JobFingerprint[]> {
  const groups = new Map<string, JobFingerprint[]>();
  for (const j of jobs) {
    const key = by(j);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(j);
    else groups.set(key, [j]);
  }
  return groups;
}

/** Whether every job of a group is in one group already reported by its provider key id. */
function sameProviderKey(group: JobFingerprint[], byProviderKey: Map<string, JobFingerprint[]>): boolean {
  const id = group[0]!.providerKey?.id;
  const reported = id === undefined ? undefined : byProviderKey.get(id);
  return reported !== undefined && reported.length > 1 && group.every((j) => reported.includes(j));
}
