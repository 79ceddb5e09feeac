import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { infisical } from '../providers/infisical.js';

// Universal Auth client secrets (64 hex) and legacy service tokens (`st.` + hex parts joined by dots),
// only beside an Infisical name (`INFISICAL_CLIENT_SECRET`, `INFISICAL_TOKEN`;
// https://infisical.com/docs/documentation/platform/identities/universal-auth). `st.` alone is far too
// common a run of text to look for.
export const infisicalToken: Detector = {
  id: 'infisical-token',
  provider: 'other',
  keyKind: 'Infisical client secret or service token',
  severity: 'critical',
  confidence: 'low',
  risk: 'An Infisical client secret or service token reads (and may write) every secret of the projects and environments it reaches.',
  remediation: infisical.remediation,
  // The name without its first letter: an `i` branch in the prefilter would cost every `i` of every file.
  keywords: ['nfisical'],
  pattern: namedValuePattern(['infisical'], String.raw`st\.[a-f0-9]{24}\.[a-f0-9]{32}\.[a-f0-9]{32}|[a-f0-9]{64}`),
  window: namedValueWindow(96),
  validate: (s, { match }) => namesVendorSecret(match) && hasLetterAndDigit(s.replace(/^st\./, '')),
  redactPrefix: (s) => (s.startsWith('st.') ? 'st.' : ''),
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 31)}e9${rng.string(HEX, 31)}`,
      `st.${rng.string(HEX, 24)}.${rng.string(HEX, 15)}a1${rng.string(HEX, 15)}.${rng.string(HEX, 32)}`,
    ],
    negative: ['0'.repeat(64), 'st.xxxxxxxx'],
    assignedTo: 'INFISICAL_TOKEN',
  },
};
