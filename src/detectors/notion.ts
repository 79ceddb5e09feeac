import type { Detector } from './detector.js';
import { ALNUM, DIGITS } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { notion } from '../providers/notion.js';

const remediation = notion.remediation;

// Integration tokens since September 2024: `ntn_` + 11 digits + 35 base62 characters.
export const notionIntegrationToken: Detector = {
  id: 'notion-integration-token',
  provider: 'other',
  keyKind: 'Notion integration token',
  severity: 'high',
  risk: 'A Notion integration token reads and edits every page and database shared with the integration.',
  remediation,
  keywords: ['ntn_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 60 },
  validate: (s) => isMixedAlnum(s.slice(15)),
  redactPrefix: () => 'ntn_',
  examples: {
    positive: (rng) => [`ntn_${rng.string(DIGITS, 11)}${rng.string(ALNUM, 16)}Jm5${rng.string(ALNUM, 16)}`],
    negative: ['ntn_12345678901', 'ntn_abc'],
  },
};

// Older integration tokens: `secret_` + 43 base62 characters.
export const notionLegacyToken: Detector = {
  id: 'notion-legacy-token',
  provider: 'other',
  keyKind: 'Notion integration token (legacy secret_ form)',
  severity: 'high',
  risk: 'A Notion integration token reads and edits every page and database shared with the integration.',
  remediation,
  keywords: ['secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 56 },
  validate: (s) => isMixedAlnum(s.slice(7)),
  redactPrefix: () => 'secret_',
  examples: {
    positive: (rng) => [`secret_${rng.string(ALNUM, 20)}Tq8${rng.string(ALNUM, 20)}`],
    negative: ['secret_key_base', 'secret_abc12', 'client_secret_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhI'],
  },
};
