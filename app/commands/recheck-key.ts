import type { Decision, KeyDecision } from '../../src/inventory/decision.js';
import { keyId, trackedKeyFromId } from '../../src/tracking/key-issues/key-id.js';
import { trackedKeyOf } from '../../src/tracking/tracked-key.js';
import type { AppDeps } from '../deps.js';
import type { HandlerSweepRun } from '../repo/handler-context.js';
import { sweepOrgSecrets } from '../sweep/sweep-org-secrets.js';
import { sweepRepo } from '../sweep/sweep-repo.js';

export interface KeyRecheck {
  /** The sweep's shared part, from the handler ({@link handlerContext}'s `sweepRun`). */
  run: HandlerSweepRun;
  /** Where the key's issue lives. */
  owner: string;
  repo: string;
  /** The key id (`acme/api|environment|production|openai_api_key|rotate`, `acme|org|*|…`). */
  key: string;
  deps: AppDeps;
}

/**
 * Re-reads the key an issue tracks and sweeps it now, through the pass that owns it: an
 * organisation secret (its id names the org, its issue lives in the org's `org-secrets-repo`)
 * through the organisation pass, anything else through the repository's sweep — a repository
 * sweep of the tracking repository never sees the org's secrets. Returns the decision about that key.
 */
export async function recheckKey(r: KeyRecheck): Promise<KeyDecision | undefined> {
  const { owner, repo, deps } = r;
  const common = { ...r.run, budget: { remaining: deps.settings.maxContentPerSweep } };
  const isOrgKey = trackedKeyFromId(r.key)?.scope === 'org';
  const swept = isOrgKey
    ? await sweepOrgSecrets({ ...common, org: owner, repositories: [{ name: repo }] })
    : await sweepRepo({ ...common, owner, repo });
  const repository = isOrgKey ? owner : `${owner}/${repo}`;
  const decisions: readonly Decision[] = swept.decisions;
  return decisions.find((d): d is KeyDecision => d.kind === 'key' && keyId(trackedKeyOf(repository, d)) === r.key);
}
