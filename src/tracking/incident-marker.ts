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
}

/** `<!-- key-hygiene:incident {…} -->`, fields in a fixed order. */
export function renderIncidentMarker({ fingerprint, detector, provider, since }: IncidentMarker): string {
  return renderHiddenJson(TAG, { v: 1, fingerprint, detector, provider, since });
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
  return {
    fingerprint,
    ...(detector !== undefined && { detector }),
    ...(provider !== undefined && { provider }),
    ...(since !== undefined && { since }),
  };
}
