import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { render } from '../providers/render.js';

// API keys: `rnd_` + base62 (https://render.com/docs/api#1-create-an-api-key). Render states the prefix,
// not the length; keys are issued with 24 to 32 characters after it.
export const renderApiKey: Detector = {
  id: 'render-api-key',
  provider: 'other',
  keyKind: 'Render API key',
  severity: 'critical',
  risk: 'A Render API key deploys, reads the environment variables of and deletes every service in the workspaces its user can reach.',
  remediation: render.remediation,
  keywords: ['rnd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rnd_[A-Za-z0-9]{24,40})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 52 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'rnd_',
  examples: {
    positive: (rng) => [`rnd_${rng.string(ALNUM, 13)}Gk8${rng.string(ALNUM, 12)}`],
    negative: ['rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'rnd_seed_value', 'rnd_generator_for_tests_only'],
  },
};
