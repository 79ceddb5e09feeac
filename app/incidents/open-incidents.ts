import type { Detector } from '../../src/detectors/detector.js';
import type { FingerprintKey } from '../../src/scan/fingerprint-key.js';
import { incidentFingerprints } from '../../src/tracking/incidents/incident-fingerprints.js';
import type { Finding } from '../../src/types.js';
import { LEAK_LABEL, planIncidents } from '../../src/tracking/incidents/plan-incidents.js';
import { withIncidentOwners } from '../../src/tracking/incidents/incident-owners.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { applyActions } from '../repo/apply-actions.js';
import { incidentOwners } from './incident-owners.js';
import { parseIncidentMarker } from '../../src/tracking/incident-marker.js';
import type { ProviderLookup } from '../../src/tracking/incidents/render-provider-key.js';

export interface IncidentTarget {
  owner: string;
  repo: string;
  /** The branch pushed to. */
  branch: string;
  head: string;
}

export interface IncidentOptions {
  /** `slug[bot]`: only its own incidents count. */
  botLogin: string;
  dryRun: boolean;
  now: Date;
  log: (message: string) => void;
  /** Keys the markers of new incidents (the App's); absent, they hold the unkeyed fingerprint. */
  fingerprintKey?: FingerprintKey | undefined;
  /** Looks the keys of new incidents up at their providers, by unkeyed fingerprint (README, "Leak incidents"). */
  lookUp?: (findings: readonly Finding[]) => Promise<ReadonlyMap<string, ProviderLookup>>;
}

/**
 * After a push's check run: one incident issue per leaked key that has none yet (README, "What
 * it does", leak incidents). The bot's incidents, open and closed, are read first; their hidden markers carry
 * the keys' fingerprints, so a redelivered push or the same key pushed again opens nothing.
 * https://docs.github.com/rest/issues/issues#list-repository-issues
 */
export async function openIncidents(
  octokit: AppOctokit,
  target: IncidentTarget,
  findings: readonly Finding[],
  detectors: readonly Detector[],
  options: IncidentOptions,
): Promise<number> {
  const { owner, repo } = target;
  if (findings.length === 0) return 0;
  const existing = (await listIncidents(octokit, owner, repo, options.botLogin)).map((i) => i.body);
  const remediation = new Map(detectors.map((d) => [d.id, d.remediation]));
  const keyed = incidentFingerprints(findings, existing, options.fingerprintKey);
  const lookups = await lookUpFresh(findings, keyed, existing, options.lookUp);
  const plan = planIncidents({
    lookups,
    appKey: options.fingerprintKey,
    findings: keyed,
    head: target.head,
    branch: target.branch,
    remediation,
    existing,
    now: options.now,
  });
  if (plan.leftOut > 0)
    options.log(
      `${owner}/${repo}: ${plan.leftOut} more leaked keys left for later (at most ${plan.actions.length} incidents a push)`,
    );
  // The owners are read only when an incident opens; they are named in it and assigned.
  const { owners, teams } = plan.actions.length
    ? await incidentOwners(octokit, owner, repo, options.now, options.log)
    : { owners: [], teams: undefined };
  const actions = plan.actions.map((action) => withIncidentOwners(action, owners, teams));
  const applied = await applyActions(octokit, actions, {
    owner,
    repo,
    botLogin: options.botLogin,
    dryRun: options.dryRun,
    log: options.log,
  });
  return applied.filter((a) => a.action.type === 'open').length;
}

/**
 * The provider lookups of the findings that have no incident yet (a redelivery asks no provider),
 * by the fingerprint their incident will carry: `keyed[i]` is `findings[i]` as markers hold it.
 */
async function lookUpFresh(
  findings: readonly Finding[],
  keyed: readonly Finding[],
  existing: readonly string[],
  lookUp: IncidentOptions['lookUp'],
): Promise<Map<string, ProviderLookup>> {
  if (!lookUp) return new Map();
  const known = new Set(existing.map((body) => parseIncidentMarker(body)?.fingerprint));
  const fresh = findings.filter((_, i) => !known.has(keyed[i]!.fingerprint));
  const found = fresh.length > 0 ? await lookUp(fresh) : new Map<string, ProviderLookup>();
  const lookups = new Map<string, ProviderLookup>();
  findings.forEach((f, i) => {
    const lookup = found.get(f.fingerprint);
    if (lookup) lookups.set(keyed[i]!.fingerprint, lookup);
  });
  return lookups;
}

/** The bot's incidents in a repository, open and closed (pull requests left out). */
export async function listIncidents(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  botLogin: string,
): Promise<Array<{ number: number; state: 'open' | 'closed'; body: string }>> {
  const listed = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
    owner,
    repo,
    state: 'all',
    labels: LEAK_LABEL,
    creator: botLogin,
    per_page: 100,
  });
  return listed
    .filter((i) => !i.pull_request)
    .map((i) => ({ number: i.number, state: i.state === 'open' ? 'open' : 'closed', body: i.body ?? '' }));
}
