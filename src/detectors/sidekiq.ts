import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { sidekiq } from '../providers/sidekiq.js';

// Bundler credentials for Sidekiq Pro / Enterprise's gem server: `BUNDLE_GEMS__CONTRIBSYS__COM` or
// `BUNDLE_ENTERPRISE__CONTRIBSYS__COM` = `<8 hex>:<8 hex>` (https://github.com/sidekiq/sidekiq/wiki/Sidekiq-Pro-Installation).
export const sidekiqCredentials: Detector = {
  id: 'sidekiq-credentials',
  provider: 'other',
  keyKind: 'Sidekiq Pro / Enterprise gem server credentials',
  severity: 'medium',
  confidence: 'low',
  risk: 'The credentials download the licensed Sidekiq Pro and Enterprise gems under the owner’s licence.',
  remediation: sidekiq.remediation,
  keywords: ['contribsys__com'],
  pattern:
    /BUNDLE_(?:GEMS|ENTERPRISE)__CONTRIBSYS__COM["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>[a-f0-9]{8}:[a-f0-9]{8})(?![A-Za-z0-9])/g,
  window: { before: 40, after: 40 },
  // The name is the context; 8-hex halves are too short for the shared distinct-character check.
  allowPlaceholderLike: true,
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${rng.string(HEX, 8)}:${rng.string(HEX, 8)}`],
    negative: ['BUNDLE_GEMS__CONTRIBSYS__COM: ${SIDEKIQ_CREDS}'],
    assignedTo: 'bundle_settings',
  },
};
