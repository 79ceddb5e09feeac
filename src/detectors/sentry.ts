import type { Detector } from './detector.js';
import { BASE64, HEX } from './alphabets.js';
import { revokeAt } from '../providers/revoke-at.js';
import { hasLetterAndDigit } from './token-shape.js';
import { sentry } from '../providers/sentry.js';

const remediation = sentry.remediation;

// Org tokens: `sntrys_` + base64 JSON ({"iat":…,"url":…,"org":…}) + `_` + a 43-character secret.
// https://develop.sentry.dev/auth-tokens/ (the secret part is what Sentry checks).
export const sentryOrgToken: Detector = {
  id: 'sentry-org-token',
  provider: 'other',
  keyKind: 'Sentry organization auth token',
  severity: 'high',
  risk: 'An organization token uploads releases and source maps and reads project data across the organization.',
  remediation,
  keywords: ['sntrys_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,800}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/_])/g,
  window: { before: 8, after: 900 },
  redactPrefix: () => 'sntrys_',
  examples: {
    positive: (rng) => {
      const payload = Buffer.from(
        `{"iat":${rng.int(1.6e9, 1.8e9)},"url":"https://sentry.io","region_url":"https://us.sentry.io","org":"acme"}`,
      )
        .toString('base64')
        .replace(/=+$/, '');
      return [`sntrys_${payload}_${rng.string(BASE64, 43)}`];
    },
    negative: ['sntrys_eyJ..._...', 'sntrys_'],
  },
};

// User tokens: `sntryu_` + 64 hex.
export const sentryUserToken: Detector = {
  id: 'sentry-user-token',
  provider: 'other',
  keyKind: 'Sentry user auth token',
  severity: 'high',
  risk: 'A user token acts as that user on every organization and project they can reach in Sentry.',
  remediation: revokeAt('Sentry (User settings → Personal Tokens)'),
  keywords: ['sntryu_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sntryu_[a-f0-9]{64})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 80 },
  validate: (s) => hasLetterAndDigit(s.slice(7)),
  redactPrefix: () => 'sntryu_',
  examples: {
    positive: (rng) => [`sntryu_${rng.string(HEX, 30)}a1${rng.string(HEX, 32)}`],
    negative: ['sntryu_0000000000000000000000000000000000000000000000000000000000000000', 'sntryu_abc'],
  },
};
