import { keyFingerprint, type FingerprintKey } from '../../scan/fingerprint-key.js';
import type { Finding } from '../../types.js';
import { parseIncidentMarker } from '../incident-marker.js';

/**
 * The fingerprints a push's findings go by in incidents. Incident bodies can be public, so a
 * marker holds the finding's fingerprint keyed with `key` (the App's, derived from its private
 * key): nobody without it can test a guessed password against the marker. Incidents opened before
 * markers were keyed hold the unkeyed fingerprint: a finding one of those carries keeps it, so the
 * planner still sees that key's incident, and a redelivered push opens no twin.
 * No key: the findings as they are (the unkeyed fingerprint, as before).
 */
export function incidentFingerprints(
  findings: readonly Finding[],
  existing: readonly string[],
  key: FingerprintKey | undefined,
): Finding[] {
  if (!key) return [...findings];
  const unkeyed = new Set(existing.map((body) => parseIncidentMarker(body)?.fingerprint).filter(Boolean));
  return findings.map((f) =>
    unkeyed.has(f.fingerprint) ? f : { ...f, fingerprint: keyFingerprint(f.fingerprint, key) },
  );
}
