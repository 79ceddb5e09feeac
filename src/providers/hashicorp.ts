import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

// Two HashiCorp products with keys of their own, each its own provider (as in src/detectors/hashicorp.ts).

export const vault = defineProvider({
  id: 'vault',
  name: 'HashiCorp Vault',
  aliases: [],
  remediation: revokeAt(
    'Vault (`vault token revoke` with the token or its accessor)',
    'check the audit device log for what it read, rotate the secrets it could reach',
  ),
  rotation: { url: 'https://developer.hashicorp.com/vault/docs/commands/token/revoke' },
});

export const terraform = defineProvider({
  id: 'terraform',
  name: 'HCP Terraform',
  aliases: ['tf'],
  remediation: revokeAt(
    'https://app.terraform.io/app/settings/tokens (or the team’s or organization’s API token page)',
  ),
  rotation: { url: 'https://app.terraform.io/app/settings/tokens' },
  // GET /api/v2/account/details returns the account of a user, team or organization token
  // (https://developer.hashicorp.com/terraform/cloud-docs/api-docs/account).
  liveCheck: {
    defaultUrl: 'https://app.terraform.io',
    path: '/api/v2/account/details',
    detectors: ['terraform-cloud-token'],
  },
});
