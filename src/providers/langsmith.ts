import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const langsmith = defineProvider({
  id: 'langsmith',
  name: 'LangSmith',
  aliases: ['langchain', 'lang-smith'],
  remediation: revokeAt('LangSmith (Settings → API Keys)'),
  rotation: {
    url: 'https://docs.smith.langchain.com/administration/how_to_guides/organization_management/create_account_api_key',
  },
});
