import type { Detector } from './detector.js';
import { DIGITS, HEX } from './alphabets.js';
import { asana } from '../providers/asana.js';

// Personal access tokens: `1/<user gid>:<32 hex>` (legacy) or `2/<user gid>/<app gid>:<32 hex>`
// (https://developers.asana.com/docs/personal-access-token). No fixed literal: the detector looks
// only near the word Asana.
export const asanaAccessToken: Detector = {
  id: 'asana-access-token',
  provider: 'other',
  keyKind: 'Asana personal access token',
  severity: 'high',
  confidence: 'low',
  risk: 'An Asana token acts as its user in every workspace: it reads and changes tasks, projects and their attachments.',
  remediation: asana.remediation,
  keywords: ['asana'],
  pattern: /(?<![A-Za-z0-9/])(?<secret>[12]\/[0-9]{10,20}(?:\/[0-9]{10,20})?:[0-9a-f]{32})(?![A-Za-z0-9])/g,
  window: { before: 160, after: 200 },
  validate: (s) => /[a-f]/.test(s.slice(-32)) && /[0-9]/.test(s.slice(-32)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `2/${rng.int(1, 9)}${rng.string(DIGITS, 15)}/${rng.int(1, 9)}${rng.string(DIGITS, 15)}:${rng.string(HEX, 15)}c3${rng.string(HEX, 15)}`,
      `1/${rng.int(1, 9)}${rng.string(DIGITS, 12)}:${rng.string(HEX, 15)}e8${rng.string(HEX, 15)}`,
    ],
    negative: ['1/1234567890:00000000000000000000000000000000', '2/XXXX/XXXX:XXXXXXXX'],
    assignedTo: 'ASANA_ACCESS_TOKEN',
  },
};
