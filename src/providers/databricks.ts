import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const databricks = defineProvider({
  id: 'databricks',
  name: 'Databricks',
  aliases: [],
  remediation: revokeAt('the Databricks workspace (Settings → Developer → Access tokens)'),
  rotation: { url: 'https://docs.databricks.com/en/dev-tools/auth/pat.html' },
});
