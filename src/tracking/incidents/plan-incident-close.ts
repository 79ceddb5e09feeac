import type { InventoryItem, SecretScope } from '../../inventory/inventory.js';
import type { Config } from '../../policy/config-schema.js';
import { renderIncidentRotated } from './render-incident-close.js';
import { renderCommentMarker } from '../comment-marker.js';
import { incidentSecrets } from './incident-close-secrets.js';
import { parseIncidentMarker } from '../incident-marker.js';
import type { CloseAction } from '../issue-action.js';

/** One of the bot's open incidents, as the REST API lists it. */
export interface OpenIncident {
  number: number;
  body: string;
  /** `created_at`, ISO: the leak time for a marker that does not carry one. */
  createdAt?: string;
}

export interface IncidentCloseInput {
  incidents: readonly OpenIncident[];
  /** The repository's secret metadata and the scopes that could not be read. */
  secrets: readonly InventoryItem[];
  skippedScopes: readonly SecretScope[];
  policy: Pick<Config, 'keys' | 'track-names'>;
  /** Comments this sweep may still post (each close posts one). */
  maxContent?: number;
}

export interface IncidentClosePlan {
  actions: CloseAction[];
  /** Incidents ready to close that the content budget left for the next sweep. */
  deferred: number;
}

/** The key an incident's actions and comments carry: `incident:` and the fingerprint's first 12 characters. */
export function incidentKey(fingerprint: string): string {
  return `incident:${fingerprint.slice(0, 12)}`;
}

/**
 * Closes each open incident whose secrets were all rotated after the leak
 * ({@link incidentSecrets}): one comment listing them and when each was rotated, then closed as
 * completed. An incident with no such secret stays open — only `/resolved` closes it. Oldest first,
 * within the content budget. Planning again after the closes gives nothing.
 */
export function planIncidentClose(input: IncidentCloseInput): IncidentClosePlan {
  const ready: CloseAction[] = [];
  for (const incident of [...input.incidents].sort((a, b) => a.number - b.number)) {
    const marker = parseIncidentMarker(incident.body);
    if (!marker) continue;
    const view = incidentSecrets({
      marker,
      ...(incident.createdAt !== undefined && { createdAt: incident.createdAt }),
      secrets: input.secrets,
      skippedScopes: input.skippedScopes,
      policy: input.policy,
    });
    if (!view.allRotated) continue;
    const key = incidentKey(marker.fingerprint);
    ready.push({
      type: 'close',
      key,
      issue: incident.number,
      comment: `${renderIncidentRotated(view)}\n\n${renderCommentMarker({ key, kind: 'rotated' })}`,
      reason: 'completed',
    });
  }
  const cap = Math.max(0, input.maxContent ?? Number.POSITIVE_INFINITY);
  return { actions: ready.slice(0, cap), deferred: Math.max(0, ready.length - cap) };
}
