import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { azureOpenai } from '../providers/azure-openai.js';

export const azureOpenaiKey: Detector = {
  id: 'azure-openai-key',
  provider: 'azure-openai',
  keyKind: 'Azure OpenAI key',
  severity: 'high',
  confidence: 'low',
  risk: 'An Azure OpenAI key spends the resource’s quota and reaches its deployments, files and fine-tunes.',
  remediation: azureOpenai.remediation,
  // A bare 32-hex value is any hash; it counts only in the window around an Azure OpenAI name or endpoint.
  keywords: ['openai.azure.com', 'azure_openai', 'azure-openai', 'azureopenai', 'azure.openai'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>[a-f0-9]{32}|[A-F0-9]{32})(?![A-Za-z0-9_-])/g,
  redactPrefix: () => '',
  minEntropy: 3.2,
  // Hashes next to the endpoint (commit ids, checksums) are named so; a key is not.
  validate: (_s, { line }) =>
    !/\b(?:sha|md5|hash|checksum|digest|commit|etag|id)\b\s*[:=]/i.test(line) && /[a-f]/i.test(_s) && /\d/.test(_s),
  examples: {
    positive: (rng) => [`${rng.string('abcdef', 2)}${rng.string('0123456789', 2)}${rng.string(HEX, 28)}`],
    negative: ['00000000000000000000000000000000', 'abcdef0123456789abcdef0123456789'],
    assignedTo: 'AZURE_OPENAI_API_KEY',
  },
};
