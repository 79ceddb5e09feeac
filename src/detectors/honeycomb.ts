import type { Detector } from './detector.js';
import { ALNUM, DIGITS, HEX, LOWER } from './alphabets.js';
import { namedKey } from './named-key.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { honeycomb } from '../providers/honeycomb.js';

const risk =
  'A Honeycomb key sends events into the environment, billed to it, and a configuration key reads or changes its datasets, boards and triggers.';

// Ingest keys: `hcaik_` (environments) or `hcxik_` (Honeycomb Classic) + 58 lower-case letters and
// digits (https://docs.honeycomb.io/configure/environments/manage-api-keys/).
export const honeycombIngestKey: Detector = prefixedKey({
  id: 'honeycomb-ingest-key',
  provider: 'honeycomb',
  keyKind: 'Honeycomb ingest key',
  severity: 'medium',
  risk,
  remediation: honeycomb.remediation,
  prefixes: ['hcaik_', 'hcxik_'],
  body: '[a-z0-9]{58}',
  maxBody: 58,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`hcaik_01${rng.string(LOWER + DIGITS, 26)}k7${rng.string(LOWER + DIGITS, 28)}`],
    negative: ['hcaik_xxxxxxxxxxxx', 'HONEYCOMB_API_KEY=hcaik_...', `hcaik_${'x'.repeat(58)}`],
  },
});

// Configuration keys (22 base62) and classic keys (32 hex) have no prefix: only the names the
// OpenTelemetry guides and Beelines read them from tell them apart.
export const honeycombApiKey: Detector = namedKey({
  id: 'honeycomb-api-key',
  provider: 'honeycomb',
  keyKind: 'Honeycomb API key (unprefixed)',
  severity: 'medium',
  risk,
  remediation: honeycomb.remediation,
  names: [
    ['honeycomb', 'api', 'key'],
    ['honeycomb', 'write', 'key'],
    ['honeycomb', 'writekey'],
    ['honeycomb', 'key'],
  ],
  keywords: ['honeycomb'],
  value: '[a-f0-9]{32}|[A-Za-z0-9]{22}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 15)}e3${rng.string(HEX, 15)}`,
      `${rng.string(ALNUM, 10)}Hq2${rng.string(ALNUM, 9)}`,
    ],
    negative: ['your-honeycomb-key', '${HONEYCOMB_API_KEY}', 'xxxxxxxxxxxxxxxxxxxxxx'],
  },
});
