import type { AdminProviderId } from '../audit/provider-admin.js';
import { isAdminProvider } from '../audit/admin-clients.js';
import { dateField, findIssueMarker, parseJsonObject, renderHiddenJson, stringField } from './hidden-json.js';

const TAG = 'incident';

/**
 * What a leak incident carries in its body: the finding's fingerprint (HMAC of detector and key,
 * src/scan/fingerprint.ts, keyed with the App's key: src/tracking/incidents/incident-fingerprints.ts) matches
 * a pushed key to its incident — never the title, never the key.
 */
export interface IncidentMarker {
  /** 64 hex characters: the same key pushed again, in any file or commit, has the same one. */
  fingerprint: string;
  /** Detector id, e.g. `openai-project-key`. */
  detector?: string;
  /** Provider id (`openai`, `aws`, …): which secrets must be rotated before the incident closes. */
  provider?: string;
  /** When the bot saw the leak (ISO): secrets rotated after it count as rotated. */
  since?: string;
  /**
   * The leaked key as the provider's admin API lists it, when the App had an admin key for the
   * provider and the leaked value matched exactly one listed key: the incident then closes when the
   * provider no longer lists that key as active, and `/revoke` revokes it. Never the value.
   */
  providerKey?: IncidentProviderKey;
  /** The last `/revoke`, waiting for its `/revoke confirm`. */
  revokeAsked?: { by: string; at: string };
  /** Who revoked the key at the provider through `/revoke confirm`, and when. */
  revoked?: { by: string; at: string };
}

/** A provider key as an incident records it: ids and names the provider listed, no value. */
export interface IncidentProviderKey {
  provider: AdminProviderId;
  /** The provider's id for the key (`key_abc`). */
  id: string;
  name: string;
  /** OpenAI project or Anthropic workspace, when the key belongs to one. */
  projectId?: string;
  projectName?: string;
  /**
   * HMAC (under the App's key) of the incident's fingerprint, provider and key id
   * (src/tracking/incidents/seal-provider-key.ts): someone who can edit the issue cannot point
   * `/revoke` at another of the organisation's keys.
   */
  seal: string;
}

/** `<!-- key-hygiene:incident {…} -->`, fields in a fixed order. */
export function renderIncidentMarker(marker: IncidentMarker): string {
  const { fingerprint, detector, provider, since, providerKey, revokeAsked, revoked } = marker;
  return renderHiddenJson(TAG, { v: 1, fingerprint, detector, provider, since, providerKey, revokeAsked, revoked });
}

/** The marker in an issue body, or undefined. Never throws: users edit bodies. */
export function parseIncidentMarker(body: string | null | undefined): IncidentMarker | undefined {
  const block = findIssueMarker(body ?? '', TAG);
  const data = block && parseJsonObject(block.json);
  const fingerprint = data && stringField(data, 'fingerprint', 64);
  if (!data || !fingerprint || !/^[0-9a-f]{64}$/.test(fingerprint)) return undefined;
  const detector = stringField(data, 'detector', 100);
  const provider = stringField(data, 'provider', 50);
  const since = dateField(data, 'since');
  const providerKey = providerKeyField(data.providerKey);
  const revokeAsked = byAtField(data.revokeAsked);
  const revoked = byAtField(data.revoked);
  return {
    fingerprint,
    ...(detector !== undefined && { detector }),
    ...(provider !== undefined && { provider }),
    ...(since !== undefined && { since }),
    ...(providerKey && { providerKey }),
    ...(revokeAsked && { revokeAsked }),
    ...(revoked && { revoked }),
  };
}

function providerKeyField(value: unknown): IncidentProviderKey | undefined {
  const data =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (!data) return undefined;
  const provider = stringField(data, 'provider', 20);
  const id = stringField(data, 'id', 200);
  const name = stringField(data, 'name', 500);
  const seal = stringField(data, 'seal', 64);
  if (!provider || !isAdminProvider(provider) || !id || name === undefined || !seal) return undefined;
  const projectId = stringField(data, 'projectId', 200);
  const projectName = stringField(data, 'projectName', 500);
  return {
    provider,
    id,
    name,
    ...(projectId !== undefined && { projectId }),
    ...(projectName !== undefined && { projectName }),
    seal,
  };
}

function byAtField(value: unknown): { by: string; at: string } | undefined {
  const data =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  const by = data && stringField(data, 'by', 100);
  const at = data && dateField(data, 'at');
  return by && at ? { by, at } : undefined;
}

/** `body` with its incident marker replaced by `marker` (appended when it has none). */
export function replaceIncidentMarker(body: string, marker: IncidentMarker): string {
  const rendered = renderIncidentMarker(marker);
  const block = findIssueMarker(body, TAG);
  if (!block) return `${body.replace(/\s+$/, '')}\n\n${rendered}\n`;
  return body.slice(0, block.start) + rendered + body.slice(block.end);
}
