import type { Detector, Rng } from './detector.js';
import { openai } from '../providers/openai.js';

// Every current OpenAI key shape carries "T3BlbkFJ" (base64 of "OpenAI"), whatever its prefix or length.
const MARKER = 'T3BlbkFJ';
const BODY = 'A-Za-z0-9_\\-';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}_-`;

const remediation = openai.remediation;

/** A scoped key: `sk-<scope>-` then 20 to 100 URL-safe characters on each side of the marker. */
function scopedKey(scope: string, id: string, keyKind: string, severity: Detector['severity'], risk: string): Detector {
  return {
    id,
    provider: 'openai',
    keyKind,
    severity,
    risk,
    remediation,
    keywords: [MARKER.toLowerCase()],
    pattern: new RegExp(
      `(?<![${BODY}])(?<secret>sk-${scope}-[${BODY}]{20,100}${MARKER}[${BODY}]{20,100})(?![${BODY}])`,
      'g',
    ),
    redactPrefix: () => `sk-${scope}-`,
    examples: {
      positive: (rng: Rng) =>
        [74, 58, 20].map((n) => `sk-${scope}-${rng.string(URLSAFE, n)}${MARKER}${rng.string(URLSAFE, n)}`),
      negative: [
        `sk-${scope}-${'x'.repeat(74)}${MARKER}${'x'.repeat(74)}`,
        `sk-${scope}-...${MARKER}...`,
        `sk-${scope}-your-key-here`,
        `OPENAI_API_KEY=sk-${scope}-****abcd`,
      ],
    },
  };
}

export const openaiAdminKey = scopedKey(
  'admin',
  'openai-admin-key',
  'OpenAI admin key',
  'critical',
  'An admin key manages the whole organization: it can create and revoke keys, invite users and read usage.',
);

export const openaiProjectKey = scopedKey(
  'proj',
  'openai-project-key',
  'OpenAI project key',
  'high',
  'A project key can spend the project’s quota and read or write its files, assistants and fine-tunes.',
);

export const openaiServiceAccountKey = scopedKey(
  'svcacct',
  'openai-service-account-key',
  'OpenAI service-account key',
  'high',
  'A service-account key acts as a bot member of the project, with its quota and data.',
);

export const openaiUserKey: Detector = {
  id: 'openai-user-key',
  provider: 'openai',
  keyKind: 'OpenAI user key (legacy)',
  severity: 'high',
  risk: 'A legacy user key acts with every permission of the user who made it, across all their projects.',
  remediation,
  keywords: [MARKER.toLowerCase()],
  // Legacy user keys: sk- + 20 + marker + 20, alphanumeric; `sk-None-` keys are user keys with no project.
  pattern: new RegExp(
    `(?<![${BODY}])(?<secret>sk-(?:None-)?[A-Za-z0-9]{20,100}${MARKER}[A-Za-z0-9]{20,100})(?![${BODY}])`,
    'g',
  ),
  redactPrefix: (s) => (s.startsWith('sk-None-') ? 'sk-None-' : 'sk-'),
  examples: {
    positive: (rng) => [
      `sk-${rng.string(ALNUM, 20)}${MARKER}${rng.string(ALNUM, 20)}`,
      `sk-None-${rng.string(ALNUM, 48)}${MARKER}${rng.string(ALNUM, 48)}`,
    ],
    negative: [
      `sk-${'a'.repeat(20)}${MARKER}${'a'.repeat(20)}`,
      'sk-abcdefghijklmnopqrst',
      'openai.api_key = "sk-..."',
    ],
  },
};
