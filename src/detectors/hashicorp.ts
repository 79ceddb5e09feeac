import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { vault, terraform } from '../providers/hashicorp.js';

// Vault 1.10+ tokens: `hvs.` (service) or `hvb.` (batch) + a base62 body of 90+ characters
// (https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes).
export const vaultToken: Detector = {
  id: 'vault-token',
  provider: 'other',
  keyKind: 'HashiCorp Vault service or batch token',
  severity: 'critical',
  risk: 'A Vault token reads every secret its policies allow, often the credentials to everything else.',
  remediation: vault.remediation,
  keywords: ['hvs.', 'hvb.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>hv[sb]\.[A-Za-z0-9_-]{90,400})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 420 },
  validate: (s) => isMixedAlnum(s.slice(4)) && (s[2] === 's' || s.length >= 142),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `hvs.CAESI${rng.string(URLSAFE, 40)}Gh4${rng.string(URLSAFE, 50)}`,
      `hvb.AAAAAQ${rng.string(URLSAFE, 70)}Lw9${rng.string(URLSAFE, 70)}`,
    ],
    negative: ['hvs.abc', 'hvb.tooshortxxx', `hvs.${'x'.repeat(94)}`],
  },
};

// Terraform Cloud / Enterprise API tokens: 14 characters, `.atlasv1.`, 60-70 more
// (https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens).
export const terraformCloudToken: Detector = {
  id: 'terraform-cloud-token',
  provider: 'other',
  keyKind: 'Terraform Cloud / Enterprise API token',
  severity: 'critical',
  risk: 'A Terraform Cloud token runs plans and applies against every workspace its user or team can reach, with those workspaces’ cloud credentials.',
  remediation: terraform.remediation,
  // 'atlasv1' rather than '.atlasv1.': a keyword starting with '.' would make the prefilter stop at every dot.
  keywords: ['atlasv1'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g,
  window: { before: 17, after: 80 },
  validate: (s) => isMixedAlnum(s.slice(23)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 14)}.atlasv1.${rng.string(ALNUM, 30)}Nb2${rng.string(ALNUM, 34)}`],
    negative: [
      'xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'credentials.atlasv1.json',
    ],
  },
};
