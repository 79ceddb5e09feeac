import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { twilio } from '../providers/twilio.js';

// Twilio's auth token and API key secret are 32 characters with no prefix of their own; the account
// (`AC…`) and API key (`SK…`) SIDs beside them are identifiers, not secrets
// (https://www.twilio.com/docs/iam/api-keys, https://www.twilio.com/docs/iam/credentials/api).
// So only a Twilio name makes the value a Twilio credential.
export const twilioAuthToken: Detector = {
  id: 'twilio-auth-token',
  provider: 'other',
  keyKind: 'Twilio auth token',
  severity: 'critical',
  confidence: 'low',
  risk: 'An auth token acts as the whole Twilio account: it sends messages and calls billed to it, reads their logs and manages its numbers and keys.',
  remediation: twilio.remediation,
  keywords: ['twilio'],
  pattern: namedValue('twilio[A-Za-z0-9_.-]{0,24}?auth[_.-]?token', '[0-9a-f]{32}'),
  window: namedWindow(32),
  validate: (s) => hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}d4${rng.string(HEX, 15)}`],
    negative: ['00000000000000000000000000000000', 'your_auth_token', '[AuthToken]'],
    assignedTo: 'TWILIO_AUTH_TOKEN',
  },
};

export const twilioApiKeySecret: Detector = {
  id: 'twilio-api-key-secret',
  provider: 'other',
  keyKind: 'Twilio API key secret',
  severity: 'high',
  confidence: 'low',
  risk: 'An API key secret, with its SK SID, calls the Twilio API as the account: it sends messages and calls billed to it and reads their logs.',
  remediation: twilio.remediation,
  keywords: ['twilio'],
  pattern: namedValue(
    'twilio[A-Za-z0-9_.-]{0,24}?(?:api[_.-]?key[_.-]?secret|api[_.-]?secret|key[_.-]?secret)',
    '[A-Za-z0-9]{32}',
  ),
  window: namedWindow(32),
  validate: (s) => isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Qa7${rng.string(ALNUM, 14)}`],
    negative: ['XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'your_api_secret', 'SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
    assignedTo: 'TWILIO_API_SECRET',
  },
};
