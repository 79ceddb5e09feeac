import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { typeform } from '../providers/typeform.js';

// Personal access tokens start `tfp_` (https://www.typeform.com/developers/get-started/personal-access-token/);
// the body is 40 to 60 base62 characters with underscores.
export const typeformAccessToken: Detector = {
  id: 'typeform-access-token',
  provider: 'other',
  keyKind: 'Typeform personal access token',
  severity: 'medium',
  risk: 'A Typeform token reads every form and its responses (often personal data) and, with write scopes, changes them.',
  remediation: typeform.remediation,
  keywords: ['tfp_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tfp_[A-Za-z0-9_-]{40,60})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 70 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'tfp_',
  examples: {
    positive: (rng) => [`tfp_${rng.string(ALNUM, 22)}Tf9${rng.string(ALNUM, 19)}_${rng.string(ALNUM, 14)}`],
    negative: ['tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'tfp_YOUR_PERSONAL_ACCESS_TOKEN'],
  },
};
