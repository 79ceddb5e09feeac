import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import type { AdminProviderId } from '../../src/audit/provider-admin.js';
import type { IncidentCommandDecision } from '../../src/tracking/commands/decide-incident-command.js';
import type { ProviderKeysRead } from '../../src/tracking/commands/decide-revoke.js';
import { parseIncidentMarker, replaceIncidentMarker, type IncidentMarker } from '../../src/tracking/incident-marker.js';
import { stillActive } from '../../src/tracking/incidents/plan-provider-close.js';
import { renderRevoked, renderRevokeFailed } from '../../src/tracking/incidents/render-provider-key.js';
import type { ProviderAdmins } from '../incidents/provider-admins.js';
import type { AppOctokit } from '../octokit/octokit.js';
import type { RepoLock } from '../repo/with-repo-lock.js';
import type { IssueAt } from './already-answered.js';

/** The provider's keys now, or the one line saying why they could not be read. */
export async function readProviderKeys(
  admins: ProviderAdmins,
  provider: AdminProviderId,
  again = false,
): Promise<ProviderKeysRead> {
  try {
    return { keys: await admins.listKeys(provider, again) };
  } catch (error) {
    return { failed: (error as Error).message };
  }
}

export interface RevokeWork {
  octokit: AppOctokit;
  at: IssueAt;
  lock: RepoLock;
  log: (message: string) => void;
  admins: ProviderAdmins;
  /** The incident's fingerprint as the delivery showed it: a body that now holds another marker is left alone. */
  fingerprint: string;
  /** `owner/repo#n`, for logs. */
  where: string;
  actorLogin: string;
}

/**
 * `/revoke` and `/revoke confirm`, decided again under the repository's lock on the marker as the
 * issue holds it now (another `/revoke confirm` or a sweep may have come first): the ask is recorded
 * in the marker; a confirmation revokes the key at its provider, reads the provider's keys again,
 * records who revoked it in the marker, and closes the incident when the key is no longer listed as
 * active. The answer is posted after the lock is let go. The admin key is never in any of it.
 */
export async function applyRevoke(
  w: RevokeWork,
  decide: (marker: IncidentMarker) => IncidentCommandDecision,
): Promise<void> {
  const { octokit, at } = w;
  const answer = await w.lock(`${at.owner}/${at.repo}`, async (): Promise<string | undefined> => {
    const { data: current } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...at });
    const marker = parseIncidentMarker(current.body);
    const decision = marker?.fingerprint === w.fingerprint ? decide(marker) : undefined;
    if (!decision || decision.type === 'ignore') return undefined;
    if (decision.type === 'reply') return decision.reply;
    if (decision.type === 'close') {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        state: 'closed',
        state_reason: 'completed',
      });
      return decision.reply;
    }
    const body = current.body ?? '';
    if (decision.type === 'ask') {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        body: replaceIncidentMarker(body, decision.marker),
      });
      return decision.reply;
    }
    const { name } = ADMIN_APIS[decision.ref.provider];
    try {
      await w.admins.revoke(decision.key);
    } catch (error) {
      const why = (error as Error).message;
      w.log(`${w.where}: revoking the ${name} key for /revoke confirm (${w.actorLogin}) failed: ${why}`);
      return `${renderRevokeFailed(decision.ref, why)}\n\n${decision.replyMarker}`;
    }
    const after = await readProviderKeys(w.admins, decision.ref.provider, true);
    const gone = 'keys' in after && !stillActive(after.keys, decision.ref.id);
    await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...at,
      body: replaceIncidentMarker(body, decision.marker),
      ...(gone && { state: 'closed' as const, state_reason: 'completed' as const }),
    });
    w.log(`${w.where}: ${name} key revoked by /revoke confirm (${w.actorLogin})${gone ? ', incident closed' : ''}`);
    return `${renderRevoked(decision.ref, w.actorLogin, gone)}\n\n${decision.replyMarker}`;
  });
  if (answer)
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, body: answer });
}
