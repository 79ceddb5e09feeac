import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const assemblyai = defineProvider({
  id: 'assemblyai',
  name: 'AssemblyAI',
  aliases: ['assembly-ai'],
  remediation: revokeAt('https://www.assemblyai.com/app/api-keys'),
  rotation: { url: 'https://www.assemblyai.com/app/api-keys' },
});
