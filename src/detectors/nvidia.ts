import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { prefixedKey } from './prefixed-key.js';
import { isMixedAlnum } from './token-shape.js';
import { nvidia } from '../providers/nvidia.js';

// NGC personal keys and build.nvidia.com keys: `nvapi-` + 64 URL-safe characters
// (https://docs.nvidia.com/ngc/latest/ngc-user-guide.html#generating-personal-api-key).
export const nvidiaApiKey: Detector = prefixedKey({
  id: 'nvidia-api-key',
  provider: 'nvidia',
  keyKind: 'NVIDIA NGC / NIM API key',
  severity: 'high',
  risk: 'An NVIDIA key calls hosted NIM models on the owner’s credits and pulls the private containers and models of its NGC org.',
  remediation: nvidia.remediation,
  prefixes: ['nvapi-'],
  body: '[A-Za-z0-9_-]{64}',
  maxBody: 64,
  validate: isMixedAlnum,
  examples: {
    positive: (rng) => [`nvapi-${rng.string(URLSAFE, 30)}Lz4${rng.string(URLSAFE, 31)}`],
    negative: [
      'NVIDIA_API_KEY=nvapi-...',
      'nvapi-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'nvapi-test123',
      'nvapi-abcdefghijklmnopqrstuvwxyz1234567890',
    ],
  },
});
