import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { elevenlabs } from '../providers/elevenlabs.js';

const risk = 'An ElevenLabs key spends the account’s character quota on speech and reads or clones its voices.';

// Keys since 2024: `sk_` + 48 lower-case hex, as https://elevenlabs.io/app/settings/api-keys issues them
// (Stripe's keys go on with `live_`/`test_`, never 48 hex).
export const elevenlabsApiKey: Detector = prefixedKey({
  id: 'elevenlabs-api-key',
  provider: 'elevenlabs',
  keyKind: 'ElevenLabs API key',
  severity: 'high',
  risk,
  remediation: elevenlabs.remediation,
  prefixes: ['sk_'],
  body: '[a-f0-9]{48}',
  maxBody: 48,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`sk_${rng.string(HEX, 23)}c3${rng.string(HEX, 23)}`],
    negative: ['ELEVENLABS_API_KEY=sk_...', `sk_${'0'.repeat(48)}`, 'sk_live_and_let_die', `task_${'ab12'.repeat(12)}`],
  },
});

// Older keys: 32 hex characters, sent in the `xi-api-key` header
// (https://elevenlabs.io/docs/api-reference/authentication): only the name tells them from an MD5.
export const elevenlabsLegacyKey: Detector = namedKey({
  id: 'elevenlabs-legacy-key',
  provider: 'elevenlabs',
  keyKind: 'ElevenLabs API key (32 hex)',
  severity: 'high',
  risk,
  remediation: elevenlabs.remediation,
  names: [
    ['elevenlabs', 'api', 'key'],
    ['eleven', 'api', 'key'],
    ['xi', 'api', 'key'],
  ],
  keywords: ['elevenlabs', 'eleven_api_key', 'xi_api_key', 'xi-api-key'],
  value: '[a-f0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}a8${rng.string(HEX, 15)}`],
    negative: ['your-elevenlabs-key', '${ELEVENLABS_API_KEY}', '00000000000000000000000000000000'],
  },
});
