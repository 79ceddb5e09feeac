import { describe, expect, it } from 'vitest';
import { deriveFingerprintKey, keyFingerprint } from '../../../src/scan/fingerprint-key.js';
import { incidentFingerprints } from '../../../src/tracking/incidents/incident-fingerprints.js';
import { renderIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { Finding } from '../../../src/types.js';

const finding = (fingerprint: string): Finding => ({
  detector: 'openai-project-key',
  provider: 'openai',
  keyKind: 'OpenAI project key',
  severity: 'critical',
  confidence: 'medium',
  path: 'a.py',
  line: 1,
  column: 1,
  endColumn: 2,
  fingerprint,
  redacted: 'sk-proj-…abcd',
});
const OLD = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const key = deriveFingerprintKey('the App private key stands here', 'app incident markers');

describe('incidentFingerprints', () => {
  it('keys a finding no incident knows, and keeps the unkeyed fingerprint an older incident carries', () => {
    const existing = [
      `Leak\n\n${renderIncidentMarker({ fingerprint: OLD, detector: 'openai-project-key' })}`,
      'a body without a marker',
    ];
    expect(incidentFingerprints([finding(OLD), finding(NEW)], existing, key).map((f) => f.fingerprint)).toEqual([
      OLD,
      keyFingerprint(NEW, key),
    ]);
    expect(keyFingerprint(NEW, key)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without a key, leaves every fingerprint as it is', () => {
    expect(incidentFingerprints([finding(NEW)], [], undefined).map((f) => f.fingerprint)).toEqual([NEW]);
  });

  it('another key, or another purpose of the same secret, gives another fingerprint', () => {
    const other = deriveFingerprintKey('the App private key stands here', 'scan');
    expect(
      new Set([
        keyFingerprint(NEW, key),
        keyFingerprint(NEW, other),
        keyFingerprint(NEW, deriveFingerprintKey('another PEM', 'app incident markers')),
      ]).size,
    ).toBe(3);
    expect(key.check).not.toBe(other.check);
  });
});
