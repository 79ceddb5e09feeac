import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { launchdarkly } from '../providers/launchdarkly.js';

const remediation = launchdarkly.remediation;
const UUID4 = '[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[a-f0-9]{4}-[a-f0-9]{12}';
const uuid4 = (rng: Parameters<Detector['examples']['positive']>[0]): string =>
  `${rng.string(HEX, 7)}a-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-9${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`;

// API access tokens: `api-` + a version-4 UUID (https://docs.launchdarkly.com/home/account/api-create).
// A dash or a letter before `api-` is another word (`x-api-…`), so the prefix must stand alone.
export const launchdarklyAccessToken: Detector = prefixedKey({
  id: 'launchdarkly-access-token',
  provider: 'launchdarkly',
  keyKind: 'LaunchDarkly API access token',
  severity: 'high',
  risk: 'A LaunchDarkly access token reads and changes the account’s feature flags, segments and members within its role.',
  remediation,
  prefixes: ['api-'],
  body: UUID4,
  maxBody: 36,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`api-${uuid4(rng)}`],
    negative: ['api-00000000-0000-4000-0000-000000000000', 'x-api-key', 'api-1234', 'LD_API_KEY=api-...'],
  },
});

// Server-side SDK keys: `sdk-` + a version-4 UUID (https://docs.launchdarkly.com/sdk/concepts/client-side-server-side#keys).
// Mobile keys (`mob-`) and client-side IDs ship inside apps and are not secret.
export const launchdarklySdkKey: Detector = prefixedKey({
  id: 'launchdarkly-sdk-key',
  provider: 'launchdarkly',
  keyKind: 'LaunchDarkly server-side SDK key',
  severity: 'medium',
  risk: 'A server-side SDK key downloads every flag rule and segment of its environment, with the user keys they target.',
  remediation,
  prefixes: ['sdk-'],
  body: UUID4,
  maxBody: 36,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`sdk-${uuid4(rng)}`],
    negative: ['sdk-00000000-0000-4000-0000-000000000000', 'aws-sdk-client', 'LAUNCHDARKLY_SDK_KEY=sdk-...'],
  },
});
