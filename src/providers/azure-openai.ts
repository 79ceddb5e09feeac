import { defineProvider } from './provider.js';

export const azureOpenai = defineProvider({
  id: 'azure-openai',
  name: 'Azure OpenAI',
  aliases: ['aoai'],
  remediation:
    'Regenerate the key in the Azure portal (the resource’s "Keys and Endpoint" page, https://portal.azure.com) now — deleting ' +
    'the commit does not make it safe: history, forks and caches keep it. Prefer Entra ID (managed identity) over keys, update ' +
    'the environment secret, and check the resource’s metrics for calls you did not make.',
  rotation: { url: 'https://portal.azure.com' },
});
