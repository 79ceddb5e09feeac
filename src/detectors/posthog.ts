import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { posthog } from '../providers/posthog.js';

// Personal API keys: `phx_` + a base62 body (https://posthog.com/docs/api#private-endpoint-authentication).
// Project keys (`phc_`) are meant for the browser and are public, so they are not reported.
export const posthogPersonalApiKey: Detector = prefixedKey({
  id: 'posthog-personal-api-key',
  provider: 'posthog',
  keyKind: 'PostHog personal API key',
  severity: 'high',
  risk: 'A personal API key reads the events, persons and recordings of every project its user can reach and may change feature flags.',
  remediation: posthog.remediation,
  prefixes: ['phx_'],
  body: '[A-Za-z0-9]{36,50}',
  maxBody: 50,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`phx_${rng.string(ALNUM, 20)}Ph4${rng.string(ALNUM, 20)}`],
    negative: [
      'POSTHOG_PERSONAL_API_KEY=phx_...',
      'phx_YOUR_PERSONAL_KEY_HERE',
      'phx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
});
