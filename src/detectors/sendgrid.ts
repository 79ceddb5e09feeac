import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { sendgrid } from '../providers/sendgrid.js';

// `SG.` + 22-character key id + `.` + 43-character secret (base64url): Twilio SendGrid's API keys.
export const sendgridApiKey: Detector = {
  id: 'sendgrid-api-key',
  provider: 'other',
  keyKind: 'SendGrid API key',
  severity: 'high',
  risk: 'A SendGrid key sends mail as the owner’s verified domains, ready-made phishing, and may read contacts.',
  remediation: sendgrid.remediation,
  // `sg.` also starts every `msg.`: the lookbehind and the tight window keep those hits cheap.
  keywords: ['sg.'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g,
  window: { before: 4, after: 72 },
  validate: (s) => isMixedAlnum(s.slice(3)),
  redactPrefix: () => 'SG.',
  examples: {
    positive: (rng) => [
      `SG.${rng.string(URLSAFE, 10)}a7B${rng.string(URLSAFE, 9)}.${rng.string(URLSAFE, 20)}Zp3${rng.string(URLSAFE, 20)}`,
    ],
    negative: [
      'SG.apikey.',
      'msg.payload.content.toString()',
      'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
};
