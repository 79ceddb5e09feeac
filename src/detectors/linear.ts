import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { linear } from '../providers/linear.js';

// `lin_api_` + 40 base62 characters (https://linear.app/developers/graphql#personal-api-keys).
export const linearApiKey: Detector = {
  id: 'linear-api-key',
  provider: 'other',
  keyKind: 'Linear personal API key',
  severity: 'high',
  risk: 'A Linear key reads and edits every issue, project and comment its user can see.',
  remediation: linear.remediation,
  // 'n_api_' rather than 'lin_api_': the prefilter already stops at 'n', not yet at 'l'.
  keywords: ['n_api_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>lin_api_[A-Za-z0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 10, after: 56 },
  validate: (s) => isMixedAlnum(s.slice(8)),
  redactPrefix: () => 'lin_api_',
  examples: {
    positive: (rng) => [`lin_api_${rng.string(ALNUM, 18)}Pe2${rng.string(ALNUM, 19)}`],
    negative: ['lin_api_key', 'lin_api_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
