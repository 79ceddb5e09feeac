import type { Config } from '../../src/policy/config-schema.js';
import { mayChangeState } from '../../src/tracking/commands/decide-command.js';
import {
  decideIncidentCommand,
  needsProviderKeys,
  needsSecrets,
  type IncidentCommandDecision,
} from '../../src/tracking/commands/decide-incident-command.js';
import { ADMIN_APIS } from '../../src/audit/admin-clients.js';
import { providerAdmins } from '../incidents/provider-admins.js';
import { applyRevoke, readProviderKeys } from './apply-revoke.js';
import { incidentSecrets, type IncidentSecrets } from '../../src/tracking/incidents/incident-close-secrets.js';
import type { IncidentMarker } from '../../src/tracking/incident-marker.js';
import type { Command } from '../../src/tracking/commands/parse-command.js';
import type { IssueAt } from './already-answered.js';
import { permissionOf } from './permission-of.js';
import type { AppDeps } from '../deps.js';
import { isTeamApprover } from '../github/is-team-approver.js';
import type { HandlerContext } from '../repo/handler-context.js';
import { fetchRepoInventory } from '../repo/fetch-repo-inventory.js';

export interface IncidentCommand {
  /** The handler's client, log and policy. */
  h: HandlerContext;
  at: IssueAt;
  command: Command;
  incident: {
    marker: IncidentMarker;
    closed: boolean;
    /** The issue's `created_at`: the leak time when the marker has none. */
    createdAt?: string;
  };
  /** The command comment (already checked: a human's, not yet answered). */
  comment: { id: number; login: string };
  botLogin: string;
  deps: AppDeps;
}

/**
 * A command on one of the bot's leak incidents, decided by the engine
 * ({@link decideIncidentCommand}): `/resolved` closes it for writers and approvers, `/rotated` and
 * `/status` read the secrets for its provider first. The writes go under the repository's lock, so a
 * sweep closing the same incident at the same moment cannot comment twice; the reads before them
 * don't wait for a sweep. Closing goes before the comment: a redelivery after a failed comment
 * closes again (harmless) and then answers. Dry-run (`KEY_HYGIENE_DRY_RUN` or the policy's
 * `dry-run`) logs both instead.
 */
export async function handleIncidentCommand(c: IncidentCommand): Promise<void> {
  const { at, command, incident } = c;
  const { octokit, log } = c.h;
  const { owner, repo } = at;
  const { policy, dryRun } = await c.h.policy(owner, repo);
  const actorLogin = c.comment.login;
  const actorPermission = await permissionOf(octokit, owner, repo, actorLogin);
  // Teams in `approvers` cost a request each: asked only when the answer can change the decision.
  const isApprover =
    (command.name === 'resolved' || command.name === 'revoke') &&
    !mayChangeState({ actorPermission, actorLogin, policy }) &&
    (await isTeamApprover(octokit, policy.approvers, actorLogin));
  const secrets = needsSecrets(command) ? await readSecrets(c, policy) : undefined;
  const admins = providerAdmins(c.deps.settings.adminApis);
  const provider = needsProviderKeys(command, incident.marker, admins.providers)
    ? await readProviderKeys(admins, incident.marker.providerKey!.provider)
    : undefined;
  const decide = (marker: IncidentMarker) =>
    decideIncidentCommand(command, {
      actorPermission,
      actorLogin,
      isBot: false,
      botLogin: c.botLogin,
      isApprover,
      policy,
      marker,
      closed: incident.closed,
      commentId: c.comment.id,
      ...(secrets && { secrets }),
      now: c.deps.now(),
      dryRun,
      adminProviders: admins.providers,
      ...(provider && { provider }),
      appKey: c.deps.fingerprintKey,
    });
  const decision = decide(incident.marker);
  if (decision.type === 'ignore') return;
  const where = `${owner}/${repo}#${at.issue_number}`;
  if (dryRun) {
    log(`dry-run: would ${dryRunWords(decision)} /${command.name} on leak incident ${where} (${actorLogin})`);
    return;
  }
  if (decision.type === 'ask' || decision.type === 'revoke') {
    await applyRevoke(
      { octokit, at, lock: c.deps.lock, log, admins, fingerprint: incident.marker.fingerprint, where, actorLogin },
      decide,
    );
    return;
  }
  await c.deps.lock(`${owner}/${repo}`, async () => {
    if (decision.type === 'close') {
      await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
        ...at,
        state: 'closed',
        state_reason: 'completed',
      });
      log(`${where}: leak incident closed by /${command.name} (${actorLogin})`);
    }
    await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...at, body: decision.reply });
  });
}

/** What dry-run says it would do; a revocation names the key (the provider's id, quoted on one line). */
function dryRunWords(decision: Exclude<IncidentCommandDecision, { type: 'ignore' }>): string {
  if (decision.type === 'revoke')
    return `revoke the ${ADMIN_APIS[decision.ref.provider].name} key ${JSON.stringify(decision.ref.id.slice(0, 100))}, revoking nothing, for`;
  return decision.type === 'close' ? 'close' : decision.type === 'ask' ? 'ask to confirm' : 'answer';
}

/** The incident's secrets now, from the same metadata a sweep reads. */
async function readSecrets(c: IncidentCommand, policy: Config): Promise<IncidentSecrets> {
  const fetched = await fetchRepoInventory(c.h.octokit, c.at.owner, c.at.repo);
  return incidentSecrets({
    marker: c.incident.marker,
    ...(c.incident.createdAt !== undefined && { createdAt: c.incident.createdAt }),
    secrets: fetched.inventory.secrets,
    skippedScopes: fetched.skippedScopes,
    policy,
  });
}
