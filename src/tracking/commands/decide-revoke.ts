import { ADMIN_APIS, isAdminProvider } from '../../audit/admin-clients.js';
import type { ProviderKey } from '../../audit/provider-admin.js';
import type { FingerprintKey } from '../../scan/fingerprint-key.js';
import { quoteUserText } from '../../report/render-issue-text.js';
import type { IncidentMarker, IncidentProviderKey } from '../incident-marker.js';
import { stillActive } from '../incidents/plan-provider-close.js';
import { renderProviderClosed, renderRevokeAsk } from '../incidents/render-provider-key.js';
import { providerKeySealed } from '../incidents/seal-provider-key.js';
import { mayChangeState, type CommandActor } from './decide-command.js';

/** `/revoke confirm` goes ahead only this long after the `/revoke` that showed what it revokes. */
export const REVOKE_CONFIRM_MINUTES = 60;

/** The provider's keys as the adapter read them just now, or why it could not. */
export type ProviderKeysRead = { keys: readonly ProviderKey[] } | { failed: string };

export interface RevokeContext extends CommandActor {
  marker: IncidentMarker;
  now: Date;
  /** The policy's or the server's dry-run: `/revoke confirm` needs no recorded ask, as the ask was never written. */
  dryRun: boolean;
  /** The providers the App's server has an admin key for. */
  adminProviders: ReadonlySet<string>;
  /** The keys of the marker's provider, read when it names a provider key the App can ask about. */
  provider?: ProviderKeysRead;
  /** The App's key, which sealed the marker's provider key. */
  appKey?: FingerprintKey | undefined;
}

/** What `/revoke` or `/revoke confirm` comes to. */
export type RevokeDecision =
  | { type: 'refuse'; reply: string }
  /** The key is no longer active: the incident closes with `reply`. */
  | { type: 'close'; reply: string }
  /** `/revoke`: write `marker` (the ask recorded) and answer `reply`. */
  | { type: 'ask'; reply: string; marker: IncidentMarker }
  /** `/revoke confirm`: revoke `key` at its provider, then record `marker`. */
  | { type: 'revoke'; key: ProviderKey; ref: IncidentProviderKey; marker: IncidentMarker };

/**
 * `/revoke` and `/revoke confirm` on a leak incident, for users with write access or approvers
 * (the rule of `/resolved`): the ask names the provider, project, key and its redacted form and
 * is recorded in the marker; the confirmation within {@link REVOKE_CONFIRM_MINUTES} revokes the
 * key as the provider lists it now, never a key the marker names unsealed. Every refusal is one line.
 */
export function decideRevoke(confirm: boolean, c: RevokeContext): RevokeDecision {
  const refuse = (reply: string): RevokeDecision => ({ type: 'refuse', reply });
  if (!mayChangeState(c))
    return refuse(
      `Sorry ${quoteUserText(c.actorLogin)}, \`/revoke\` revokes the key at its provider, so it needs write access to the repository or a place in the policy’s \`approvers\`.`,
    );
  const provider = c.marker.providerKey?.provider ?? c.marker.provider ?? '';
  if (!isAdminProvider(provider))
    return refuse(
      'I can revoke only OpenAI and Anthropic keys, through their admin APIs: revoke this key in its provider’s dashboard.',
    );
  const { name, appKeyVariable } = ADMIN_APIS[provider];
  if (!c.adminProviders.has(provider))
    return refuse(
      `This App’s server has no ${name} admin key (\`${appKeyVariable}\`), so I cannot revoke keys there: revoke it in ${name}’s dashboard.`,
    );
  const ref = c.marker.providerKey;
  if (!ref)
    return refuse(
      `I did not find this key among ${name}’s keys when this incident opened, so I cannot tell which to revoke: revoke it in ${name}’s dashboard.`,
    );
  if (!providerKeySealed(c.marker.fingerprint, ref, c.appKey))
    return refuse(`This incident’s record of the ${name} key was edited, so I revoke nothing from it.`);
  if (!c.provider || 'failed' in c.provider)
    return refuse(
      `I could not ask ${name} about this key just now${c.provider ? `: ${c.provider.failed}` : ''}. Try again later.`,
    );
  const key = stillActive(c.provider.keys, ref.id);
  if (!key)
    return {
      type: 'close',
      reply: renderProviderClosed(
        ref,
        c.provider.keys.find((k) => k.id === ref.id),
      ),
    };
  if (!confirm)
    return {
      type: 'ask',
      reply: renderRevokeAsk(ref, key.redacted, REVOKE_CONFIRM_MINUTES),
      marker: { ...c.marker, revokeAsked: { by: c.actorLogin, at: c.now.toISOString() } },
    };
  const asked = c.marker.revokeAsked && Date.parse(c.marker.revokeAsked.at);
  const fresh =
    asked !== undefined && asked <= c.now.getTime() && c.now.getTime() - asked <= REVOKE_CONFIRM_MINUTES * 60_000;
  if (!fresh && !c.dryRun)
    return refuse(
      `Comment \`/revoke\` first: I say what it revokes, then \`/revoke confirm\` within ${REVOKE_CONFIRM_MINUTES} minutes goes ahead.`,
    );
  const marker: IncidentMarker = { ...c.marker, revoked: { by: c.actorLogin, at: c.now.toISOString() } };
  delete marker.revokeAsked;
  return { type: 'revoke', key, ref, marker };
}
