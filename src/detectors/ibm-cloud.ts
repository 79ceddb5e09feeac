import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { ibmCloud } from '../providers/ibm-cloud.js';

// IAM API keys: 44 URL-safe characters with no prefix, so only beside an IBM name: `IBMCLOUD_API_KEY`
// (the CLI's), `IC_API_KEY` (the Terraform provider's), `ibm_api_key`
// (https://cloud.ibm.com/docs/account?topic=account-userapikey).
export const ibmCloudApiKey: Detector = {
  id: 'ibm-cloud-api-key',
  provider: 'other',
  keyKind: 'IBM Cloud IAM API key',
  severity: 'critical',
  confidence: 'low',
  risk: 'An IBM Cloud API key gets IAM tokens with every access policy of its user or service ID.',
  remediation: ibmCloud.remediation,
  // The names without their first letter (an `i` branch in the prefilter would cost every `i` of every
  // file); the pattern asks for the full name.
  keywords: ['bmcloud', 'bm_cloud', 'bm-cloud', 'bm_api', 'c_api_key'],
  pattern: namedValuePattern(['ibmcloud', 'ibm_cloud', 'ibm-cloud', 'ibm_api', 'ic_api_key'], '[A-Za-z0-9_-]{44}'),
  window: namedValueWindow(44),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(URLSAFE, 20)}Qa7${rng.string(URLSAFE, 21)}`],
    negative: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '<IBM_CLOUD_API_KEY>'],
    assignedTo: 'IBMCLOUD_API_KEY',
  },
};
