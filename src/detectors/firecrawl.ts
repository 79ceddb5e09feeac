import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { firecrawl } from '../providers/firecrawl.js';

// `fc-` + 32 lower-case hex, as https://www.firecrawl.dev/app/api-keys issues them (the SDKs read
// FIRECRAWL_API_KEY, https://docs.firecrawl.dev/introduction).
export const firecrawlApiKey: Detector = prefixedKey({
  id: 'firecrawl-api-key',
  provider: 'firecrawl',
  keyKind: 'Firecrawl API key',
  severity: 'medium',
  risk: 'A Firecrawl key scrapes and crawls the web on the team’s credits and reads the results of its past crawls.',
  remediation: firecrawl.remediation,
  prefixes: ['fc-'],
  body: '[a-f0-9]{32}',
  maxBody: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`fc-${rng.string(HEX, 15)}c6${rng.string(HEX, 15)}`],
    negative: ['FIRECRAWL_API_KEY=fc-...', 'fc-YOUR_API_KEY', `fc-${'0'.repeat(32)}`, 'fc-daygrid-day-frame'],
  },
});
