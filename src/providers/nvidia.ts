import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const nvidia = defineProvider({
  id: 'nvidia',
  name: 'NVIDIA (NGC, NIM, build.nvidia.com)',
  aliases: ['ngc', 'nvidia-nim', 'nvidia-ngc'],
  remediation: revokeAt('https://org.ngc.nvidia.com/setup/api-keys'),
  rotation: { url: 'https://org.ngc.nvidia.com/setup/api-keys' },
});
