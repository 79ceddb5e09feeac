import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { mailchimp } from '../providers/mailchimp.js';

// 32 hex + `-us` + the data-center number (https://mailchimp.com/developer/marketing/guides/quick-start/).
export const mailchimpApiKey: Detector = {
  id: 'mailchimp-api-key',
  provider: 'other',
  keyKind: 'Mailchimp API key',
  severity: 'high',
  risk: 'A Mailchimp key exports the audience lists and sends campaigns from the owner’s verified domains.',
  remediation: mailchimp.remediation,
  keywords: ['-us'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[a-f0-9]{32}-us[0-9]{1,2})(?![A-Za-z0-9_-])/g,
  window: { before: 34, after: 8 },
  validate: (s) => hasLetterAndDigit(s.slice(0, 32)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}c8${rng.string(HEX, 15)}-us${rng.int(1, 21)}`],
    negative: ['en-us', 'd41d8cd98f00b204e9800998ecf8427e-user', '00000000000000000000000000000000-us1'],
  },
};
