import { ADMIN_APIS } from '../../audit/admin-clients.js';
import type { AdminProviderId, ProviderKey } from '../../audit/provider-admin.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { inlineCode, isoDay, quoteUserText } from '../../report/render-issue-text.js';
import type { IncidentProviderKey } from '../incident-marker.js';

// What a leak incident says about the leaked key as the provider's admin API lists it (README,
// "Leak incidents"): every name and id the provider returns is someone's input, so each goes through
// `inlineCode` or `escapeMarkdown`.

/** What the App found when it looked the leaked key up at its provider. */
export type ProviderLookup =
  | { kind: 'found'; key: ProviderKey }
  | { kind: 'ambiguous'; provider: AdminProviderId; count: number }
  | { kind: 'none'; provider: AdminProviderId }
  /** The admin API failed: `why` is its one line (the variable's name and the status, never the key). */
  | { kind: 'failed'; provider: AdminProviderId; why: string };

const nameOf = (provider: AdminProviderId): string => ADMIN_APIS[provider].name;

/** `project Prod (`proj_1`), key `ci`` (a workspace at Anthropic): where the key lives at the provider. */
export function renderKeyPlace(
  key: Pick<IncidentProviderKey, 'provider' | 'name' | 'projectId' | 'projectName'>,
): string {
  const project = key.projectId
    ? `${key.provider === 'anthropic' ? 'workspace' : 'project'} ${key.projectName ? `${escapeMarkdown(key.projectName)} (${inlineCode(key.projectId)})` : inlineCode(key.projectId)}, `
    : '';
  return `${project}key ${inlineCode(key.name)}`;
}

/** The key as the incident records it. */
export function incidentProviderKey(key: ProviderKey, seal: string): IncidentProviderKey {
  return {
    provider: key.provider,
    id: key.id,
    name: key.name,
    ...(key.project && { projectId: key.project.id, projectName: key.project.name }),
    seal,
  };
}

/** One line on the key's state at its provider now: still active (with its last use) or not. */
export function renderProviderState(ref: IncidentProviderKey, listed: ProviderKey | undefined): string {
  const provider = nameOf(ref.provider);
  if (!listed || listed.status !== 'active')
    return `**No longer active at ${provider}** — ${renderKeyPlace(ref)}${listed ? ` is ${escapeMarkdown(listed.status)}` : ' is not listed any more'}.`;
  const used = listed.lastUsedAt ? `last used ${isoDay(listed.lastUsedAt)}` : 'never used';
  return `**Still active at ${provider}** — ${renderKeyPlace(ref)}, ${used}.`;
}

/** The incident's paragraph on what the App found at the provider when it opened. */
export function renderProviderLookup(lookup: ProviderLookup): string {
  switch (lookup.kind) {
    case 'found': {
      const state = renderProviderState(incidentProviderKey(lookup.key, ''), lookup.key);
      return lookup.key.status === 'active'
        ? `${state} Comment \`/revoke\` to revoke it there (write access or an approver).`
        : state;
    }
    case 'ambiguous':
      return `${lookup.count > 1 ? `Its redacted form fits ${lookup.count} keys ${nameOf(lookup.provider)} lists` : `${nameOf(lookup.provider)} shows too little of its keys`}, so I cannot tell which one leaked: revoke it in ${nameOf(lookup.provider)}’s dashboard.`;
    case 'none':
      return `**Not listed at ${nameOf(lookup.provider)}**: no key of the organisation the App’s admin key reads has this redacted form — revoked already, or another organisation’s key.`;
    case 'failed':
      return `I could not ask ${nameOf(lookup.provider)} about this key: ${escapeMarkdown(lookup.why)}.`;
  }
}

/** How an incident with a provider key ends, said in its description. */
export function renderProviderCloses(provider: AdminProviderId): string {
  return `I close this issue myself once ${nameOf(provider)} no longer lists this key as active. Comment \`/status\` to see its state, \`/revoke\` to revoke it at ${nameOf(provider)}, or \`/resolved\` to close this issue yourself (write access or an approver).`;
}

/** The comment that closes an incident whose key the provider no longer lists as active. */
export function renderProviderClosed(ref: IncidentProviderKey, listed: ProviderKey | undefined): string {
  return `${renderProviderState(ref, listed)} The leaked key no longer works, so I am closing this incident. Rotate every secret that held it, if not done yet.`;
}

/** `/revoke`: what it will revoke, and how to confirm. */
export function renderRevokeAsk(ref: IncidentProviderKey, redacted: string | null, withinMinutes: number): string {
  const shown = redacted ? ` ${inlineCode(redacted)}` : '';
  return `This revokes the ${nameOf(ref.provider)} key ${renderKeyPlace(ref)}${shown}: it stops working at once, for everyone who uses it. Comment \`/revoke confirm\` within ${withinMinutes} minutes to go ahead.`;
}

/** `/revoke confirm` done: who, and what. */
export function renderRevoked(ref: IncidentProviderKey, login: string, closing: boolean): string {
  const then = closing
    ? `${nameOf(ref.provider)} no longer lists it as active, so I am closing this incident.`
    : `I close this incident once ${nameOf(ref.provider)} no longer lists it as active.`;
  return `Revoked at ${nameOf(ref.provider)} by ${quoteUserText(login)}: ${renderKeyPlace(ref)}. ${then} Rotate every secret that held it, if not done yet.`;
}

/** `/revoke confirm` that the provider refused or failed. */
export function renderRevokeFailed(ref: IncidentProviderKey, why: string): string {
  return `I could not revoke ${renderKeyPlace(ref)} at ${nameOf(ref.provider)}: ${escapeMarkdown(why)}. Revoke it in ${nameOf(ref.provider)}’s dashboard, or try again.`;
}
