import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { mailgun } from '../providers/mailgun.js';

const remediation = mailgun.remediation;
const risk =
  'A Mailgun key sends mail from the account’s verified domains, ready-made phishing, and reads its logs and lists.';

// Private API keys issued before 2022: `key-` + 32 hex
// (https://documentation.mailgun.com/docs/mailgun/api-reference/authentication/).
export const mailgunApiKey: Detector = {
  id: 'mailgun-api-key',
  provider: 'other',
  keyKind: 'Mailgun API key (key- prefix)',
  severity: 'high',
  risk,
  remediation,
  keywords: ['key-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>key-[0-9a-f]{32})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 40 },
  validate: (s) => hasLetterAndDigit(s.slice(4)),
  redactPrefix: () => 'key-',
  examples: {
    positive: (rng) => [`key-${rng.string(HEX, 15)}a9${rng.string(HEX, 15)}`],
    negative: [
      'key-00000000000000000000000000000000',
      'key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'api-key-header',
      // `key-` inside a longer word (the hex is too: the generic rule may well report it as a token)
      'cache-key-tmp',
    ],
  },
};

// Keys issued since: 32 hex, 8 hex and 8 hex joined by dashes, the shape of the webhook signing key
// too. Nothing in them says Mailgun, so only a Mailgun name does.
export const mailgunPrivateKey: Detector = {
  id: 'mailgun-private-key',
  provider: 'other',
  keyKind: 'Mailgun API or webhook signing key',
  severity: 'high',
  confidence: 'low',
  risk,
  remediation,
  keywords: ['mailgun'],
  pattern: namedValue('mailgun[A-Za-z0-9_.-]{0,24}?(?:key|secret|token)', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'),
  window: namedWindow(50),
  validate: (s) => hasLetterAndDigit(s.slice(0, 32)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}b3${rng.string(HEX, 15)}-${rng.string(HEX, 8)}-${rng.string(HEX, 8)}`],
    negative: ['00000000000000000000000000000000-00000000-00000000', 'your-mailgun-api-key'],
    assignedTo: 'MAILGUN_API_KEY',
  },
};
