import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { sanity } from '../providers/sanity.js';

// API tokens are `sk` + about 80 base62 characters (https://www.sanity.io/docs/http-auth). `sk` is no
// prefix a scanner can key on, so the detector looks only near the word Sanity.
export const sanityApiToken: Detector = {
  id: 'sanity-api-token',
  provider: 'other',
  keyKind: 'Sanity API token',
  severity: 'high',
  confidence: 'low',
  risk: 'A Sanity token reads (drafts and private datasets included) and, with editor rights, changes and deletes the project’s content.',
  remediation: sanity.remediation,
  keywords: ['sanity'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk[A-Za-z0-9]{78,92})(?![A-Za-z0-9_-])/g,
  window: { before: 160, after: 240 },
  validate: (s) => isMixedAlnum(s.slice(2)),
  redactPrefix: () => 'sk',
  examples: {
    positive: (rng) => [`sk${rng.string(ALNUM, 40)}Sn3${rng.string(ALNUM, 39)}`],
    negative: [`sk${'X'.repeat(80)}`, 'skYourSanityTokenHere'],
    assignedTo: 'SANITY_API_TOKEN',
  },
};
