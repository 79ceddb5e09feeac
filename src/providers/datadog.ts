import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const datadog = defineProvider({
  id: 'datadog',
  name: 'Datadog',
  aliases: ['dd', 'ddog'],
  remediation: revokeAt('Datadog (Organization Settings → API Keys / Application Keys)'),
  rotation: { url: 'https://docs.datadoghq.com/account_management/api-app-keys/' },
});
