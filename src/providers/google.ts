import { defineProvider } from './provider.js';

export const google = defineProvider({
  id: 'google',
  name: 'Google',
  aliases: ['gcp', 'gemini', 'firebase'],
  remediation:
    'Delete or regenerate the key at https://console.cloud.google.com/apis/credentials now — deleting the commit does not make ' +
    'it safe: history, forks and caches keep it. Restrict the new key to the APIs and referrers that need it, update the ' +
    'environment secret, and check the project’s billing and API metrics.',
  rotation: { url: 'https://console.cloud.google.com/apis/credentials' },
});
