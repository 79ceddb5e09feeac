import type { Detector } from './detector.js';
import { ALNUM, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { vault, terraform } from '../providers/hashicorp.js';

// Vault 1.10+ tokens: `hvs.` (service), `hvb.` (batch) or `hvr.` (recovery)
// (https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes). The long form carries
// a base64url body of 90+ characters (batch ones 138+); the short form is the prefix and the 24-character
// base62 token id Vault draws (`TokenLength` in Vault's token store), with `.` and the 5-character
// namespace id when the token belongs to a namespace.
export const vaultToken: Detector = {
  id: 'vault-token',
  provider: 'other',
  keyKind: 'HashiCorp Vault service, batch or recovery token',
  severity: 'critical',
  risk: 'A Vault token reads every secret its policies allow, often the credentials to everything else.',
  remediation: vault.remediation,
  keywords: ['hvs.', 'hvb.', 'hvr.'],
  // The short body takes `_`/`-` too: the prefix already says Vault, and the long form uses them.
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>hv[sbr]\.(?:[A-Za-z0-9_-]{90,400}|[A-Za-z0-9_-]{24}(?:\.[A-Za-z0-9]{5})?))(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 420 },
  validate: (s) => {
    const body = s.slice(4);
    return isMixedAlnum(body) && (body.length < 90 || s[2] === 's' || s.length >= 142);
  },
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `hvs.CAESI${rng.string(URLSAFE, 40)}Gh4${rng.string(URLSAFE, 50)}`,
      `hvb.AAAAAQ${rng.string(URLSAFE, 70)}Lw9${rng.string(URLSAFE, 70)}`,
      `hvs.${rng.string(ALNUM, 10)}aZ7${rng.string(ALNUM, 11)}`,
      `hvr.${rng.string(ALNUM, 10)}Qb3${rng.string(ALNUM, 11)}`,
      `hvs.${rng.string(ALNUM, 10)}Kc5${rng.string(ALNUM, 11)}.${rng.string(ALNUM, 5)}`,
    ],
    negative: [
      'hvs.abc',
      'hvb.tooshortxxx',
      `hvs.${'x'.repeat(94)}`,
      `hvs.${'x'.repeat(24)}`,
      'hvs.YourVaultServiceTokenHere',
      // 40 characters: neither the short nor the long form.
      `hvs.Ab3${'Cd5Ef7Gh9'.repeat(4)}Ij1`,
    ],
  },
};

// Tokens from Vault before 1.10: `s.` (service), `b.` (batch), `r.` (recovery) + the 24-character
// base62 id (and `.` + namespace id); legacy batch tokens are a base64url blob that starts
// `AAAAAQ` (https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes). `s.` + 24
// characters is too common a shape to report alone, so it is reported only on a line that names Vault
// (`VAULT_TOKEN`, `X-Vault-Token`, `vault login`, a vault_token key).
export const vaultLegacyToken: Detector = {
  id: 'vault-legacy-token',
  provider: 'other',
  keyKind: 'HashiCorp Vault token (before Vault 1.10)',
  severity: 'critical',
  confidence: 'low',
  risk: 'A Vault token reads every secret its policies allow, often the credentials to everything else.',
  remediation: vault.remediation,
  keywords: ['vault'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>[sbr]\.[A-Za-z0-9]{24}(?:\.[A-Za-z0-9]{5})?|b\.AAAAAQ[A-Za-z0-9_-]{80,400})(?![A-Za-z0-9_-])/g,
  window: { before: 420, after: 420 },
  validate: (s, { line }) => /vault/i.test(line) && isMixedAlnum(s.slice(2)),
  redactPrefix: (s) => s.slice(0, 2),
  examples: {
    positive: (rng) => [
      `s.${rng.string(ALNUM, 10)}Tq4${rng.string(ALNUM, 11)}`,
      `s.${rng.string(ALNUM, 10)}Wm8${rng.string(ALNUM, 11)}.${rng.string(ALNUM, 5)}`,
      `b.AAAAAQ${rng.string(URLSAFE, 50)}Xy2${rng.string(URLSAFE, 50)}`,
    ],
    negative: ['s.abc', `s.${'x'.repeat(24)}`, 's.abcdefghijklmnopqrstuvwx', 'b.AAAAAQ...'],
    assignedTo: 'VAULT_TOKEN',
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
