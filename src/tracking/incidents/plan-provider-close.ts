import type { AdminProviderId, ProviderKey } from '../../audit/provider-admin.js';
import { renderCommentMarker } from '../comment-marker.js';
import { parseIncidentMarker } from '../incident-marker.js';
import type { CloseAction } from '../issue-action.js';
import { incidentKey, type OpenIncident } from './plan-incident-close.js';
import { renderProviderClosed } from './render-provider-key.js';

export interface ProviderCloseInput {
  /** Open incidents whose marker names a provider key. */
  incidents: readonly OpenIncident[];
  /** Every key each provider lists now; a provider missing here could not be read, and closes nothing. */
  listed: ReadonlyMap<AdminProviderId, readonly ProviderKey[]>;
  /** Comments this sweep may still post (each close posts one). */
  maxContent?: number;
}

export interface ProviderClosePlan {
  actions: CloseAction[];
  /** Incidents ready to close that the content budget left for the next sweep. */
  deferred: number;
}

/** Whether an incident's key is still active at its provider: listed under its id with status `active`. */
export function stillActive(keys: readonly ProviderKey[], id: string): ProviderKey | undefined {
  return keys.find((k) => k.id === id && k.status === 'active');
}

/**
 * Closes each open incident whose provider key the provider no longer lists as active (deleted,
 * inactive, expired): the leaked key no longer works, whatever GitHub's secrets say. An incident
 * whose provider could not be read stays open. Oldest first, within the content budget.
 */
export function planProviderClose(input: ProviderCloseInput): ProviderClosePlan {
  const ready: CloseAction[] = [];
  for (const incident of [...input.incidents].sort((a, b) => a.number - b.number)) {
    const marker = parseIncidentMarker(incident.body);
    const ref = marker?.providerKey;
    const keys = ref && input.listed.get(ref.provider);
    if (!marker || !ref || !keys || stillActive(keys, ref.id)) continue;
    const key = incidentKey(marker.fingerprint);
    const listed = keys.find((k) => k.id === ref.id);
    ready.push({
      type: 'close',
      key,
      issue: incident.number,
      comment: `${renderProviderClosed(ref, listed)}\n\n${renderCommentMarker({ key, kind: 'rotated' })}`,
      reason: 'completed',
    });
  }
  const cap = Math.max(0, input.maxContent ?? Number.POSITIVE_INFINITY);
  return { actions: ready.slice(0, cap), deferred: Math.max(0, ready.length - cap) };
}
