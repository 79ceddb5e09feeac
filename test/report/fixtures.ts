import type { Detector } from '../../src/detectors/detector.js';
import type { ScanResult } from '../../src/types.js';

// Fixed detectors for the expected-output files: the real registry grows and its wording changes,
// which must not churn these files. Patterns never run here, so they match nothing.
function fakeDetector(
  fields: Pick<Detector, 'id' | 'provider' | 'keyKind' | 'severity' | 'risk' | 'remediation'> &
    Pick<Partial<Detector>, 'confidence'>,
): Detector {
  return { ...fields, keywords: [], pattern: /(?<secret>$^)/g, examples: { positive: () => [], negative: [] } };
}

export const sampleDetectors: readonly Detector[] = [
  fakeDetector({
    id: 'openai-admin-key',
    provider: 'openai',
    keyKind: 'OpenAI admin key',
    severity: 'critical',
    risk: 'An admin key manages the whole organization.',
    remediation:
      'Revoke the key in the organization settings now, create a new one, and update the secret that held it. ' +
      'Deleting the commit does not make it safe: history, forks and caches keep it.',
  }),
  fakeDetector({
    id: 'openai-project-key',
    provider: 'openai',
    keyKind: 'OpenAI project key',
    severity: 'high',
    risk: 'A project key can spend the project’s quota.',
    remediation: 'Revoke the key, create a new project key, and update the environment secret.',
  }),
  fakeDetector({
    id: 'example-low-token',
    provider: 'custom',
    keyKind: 'Example low token',
    severity: 'low',
    confidence: 'low',
    risk: 'A low-value token for a test service.',
    remediation: 'Rotate it when convenient.',
  }),
  fakeDetector({
    id: 'example-note-token',
    provider: 'custom',
    keyKind: 'Example note token',
    severity: 'info',
    risk: 'Not a secret by itself.',
    remediation: 'Nothing urgent.',
  }),
];

/** Findings across three files (one with a space and non-ASCII in its path), one from history, one decoded. */
export const sampleResult: ScanResult = {
  findings: [
    {
      detector: 'openai-project-key',
      provider: 'openai',
      keyKind: 'OpenAI project key',
      severity: 'high',
      confidence: 'medium',
      path: 'config/app settings/café.yml',
      line: 7,
      column: 9,
      endColumn: 173,
      commit: 'c0ffee'.repeat(6) + 'c0ff',
      author: 'Ada Lovelace',
      email: 'ada@example.com',
      date: '2024-05-01T10:00:00Z',
      fingerprint: 'b'.repeat(64),
      redacted: 'sk-proj-…qrst',
    },
    {
      detector: 'openai-admin-key',
      provider: 'openai',
      keyKind: 'OpenAI admin key',
      severity: 'critical',
      confidence: 'medium',
      path: '.env',
      line: 12,
      column: 1,
      endColumn: 166,
      fingerprint: 'a'.repeat(64),
      redacted: 'sk-admin-…abcd',
    },
    {
      detector: 'openai-project-key',
      provider: 'openai',
      keyKind: 'OpenAI project key',
      severity: 'high',
      confidence: 'medium',
      path: '.env',
      line: 3,
      column: 16,
      endColumn: 180,
      fingerprint: 'f'.repeat(64),
      redacted: 'sk-proj-…wxyz',
    },
    {
      detector: 'example-low-token',
      provider: 'custom',
      keyKind: 'Example low token',
      severity: 'low',
      confidence: 'low',
      path: 'src/legacy.ts',
      line: 40,
      column: 22,
      endColumn: 62,
      fingerprint: 'c'.repeat(64),
      redacted: 'elt_…9876',
      decodedFrom: 'base64',
    },
    {
      detector: 'example-note-token',
      provider: 'custom',
      keyKind: 'Example note token',
      severity: 'info',
      confidence: 'medium',
      path: 'src/legacy.ts',
      line: 41,
      column: 3,
      endColumn: 20,
      fingerprint: 'd'.repeat(64),
      redacted: 'ent_…',
    },
  ],
  notices: [
    { path: 'dumps/big dump.sql', reason: 'too-large', message: 'File is 12.0 MB, over the 1.0 MB limit.' },
    { path: 'assets/logo.png', reason: 'binary', message: 'Binary file.' },
    { path: 'docs/ünïcode.bin', reason: 'binary', message: 'Binary file.' },
  ],
  stats: { files: 14, bytes: 123_456, commits: 0, skipped: 3, durationMs: 45 },
};

/** Nothing found, nothing skipped. */
export const emptyResult: ScanResult = {
  findings: [],
  notices: [],
  stats: { files: 3, bytes: 812, commits: 0, skipped: 0, durationMs: 7 },
};
