import type { Detector } from './detector.js';
import { LOWER, UPPER } from './alphabets.js';
import { huggingface } from '../providers/huggingface.js';

const remediation = huggingface.remediation;

// Hugging Face tokens are 34 ASCII letters after the prefix; real ones mix cases (lower-only runs are identifiers).
const mixedCase = (s: string): boolean => /[a-z]/.test(s) && /[A-Z]/.test(s);

function letters(rng: Parameters<Detector['examples']['positive']>[0]): string {
  return `${rng.string(UPPER, 2)}${rng.string(LOWER, 2)}${rng.string(UPPER + LOWER, 30)}`;
}

export const huggingfaceAccessToken: Detector = {
  id: 'huggingface-access-token',
  provider: 'huggingface',
  keyKind: 'Hugging Face user access token',
  severity: 'high',
  risk: 'A user token reads (and with write scope pushes to) every private model, dataset and Space of the user and their orgs.',
  remediation,
  keywords: ['hf_'],
  pattern: /(?<![A-Za-z0-9])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9])/g,
  redactPrefix: () => 'hf_',
  validate: (s) => mixedCase(s.slice(3)),
  examples: {
    positive: (rng) => [`hf_${letters(rng)}`],
    negative: [
      'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'hf_FakeFakeFakeFakeFakeFakeFakeFakeFa',
      'hf_requiredCharacteristicTypesForDisplayMetadata',
      'xhf_FakeFakeFakeFakeFakeFakeFakeFakeFa',
      'hf_abc',
    ],
  },
};

export const huggingfaceOrgToken: Detector = {
  id: 'huggingface-org-token',
  provider: 'huggingface',
  keyKind: 'Hugging Face organization API token (legacy)',
  severity: 'high',
  risk: 'An organization API token reads the organization’s private models and datasets.',
  remediation,
  keywords: ['api_org_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9])/g,
  redactPrefix: () => 'api_org_',
  validate: (s) => mixedCase(s.slice(8)),
  examples: {
    positive: (rng) => [`api_org_${letters(rng)}`],
    negative: [
      'api_org_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'api_org_96726c78_4ae3_402f_b08b_7a78c6903d2a',
      'API_ORG_EXIST',
    ],
  },
};
