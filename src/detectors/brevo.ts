import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { brevo } from '../providers/brevo.js';

// API keys `xkeysib-` and SMTP keys `xsmtpsib-`: 64 hex, a dash, 16 base62
// (https://help.brevo.com/hc/en-us/articles/209467485-Create-and-manage-your-API-keys).
export const brevoApiKey: Detector = {
  id: 'brevo-api-key',
  provider: 'other',
  keyKind: 'Brevo (Sendinblue) API or SMTP key',
  severity: 'high',
  risk: 'A Brevo key sends mail and SMS from the account’s senders and exports its contact lists.',
  remediation: brevo.remediation,
  keywords: ['xkeysib-', 'xsmtpsib-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>x(?:keysib|smtpsib)-[0-9a-f]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 100 },
  validate: (s) => hasLetterAndDigit(s.slice(s.indexOf('-') + 1, s.indexOf('-') + 65)),
  redactPrefix: (s) => s.slice(0, s.indexOf('-') + 1),
  examples: {
    positive: (rng) => [
      `xkeysib-${rng.string(HEX, 31)}e5${rng.string(HEX, 31)}-${rng.string(ALNUM, 16)}`,
      `xsmtpsib-${rng.string(HEX, 31)}0c${rng.string(HEX, 31)}-${rng.string(ALNUM, 16)}`,
    ],
    negative: ['xkeysib-xxxxxxxx', `xkeysib-${'0'.repeat(64)}-AAAAAAAAAAAAAAAA`],
  },
};
