import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { alibaba } from '../providers/alibaba.js';

const remediation = alibaba.remediation;

// AccessKey IDs: `LTAI` + 12 to 20 base62 characters (16 or 24 in all;
// https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair).
export const alibabaAccessKeyId: Detector = {
  id: 'alibaba-access-key-id',
  provider: 'other',
  keyKind: 'Alibaba Cloud AccessKey ID',
  severity: 'high',
  risk: 'An AccessKey ID names a RAM credential; beside its secret it signs API calls with every permission of that user.',
  remediation,
  keywords: ['ltai'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 32 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'LTAI',
  examples: {
    positive: (rng) => [`LTAI${rng.string(ALNUM, 9)}Kp5${rng.string(ALNUM, 8)}`],
    negative: ['LTAIXXXXXXXXXXXXXXXXXXXX', 'LTAI****************', 'DEFAULTAIMODELNAMEFORTHEPROJECT'],
  },
};

// AccessKey secrets: 30 base62 characters, only beside an Alibaba or Aliyun name (alone they are any
// random run); `ALIBABA_CLOUD_ACCESS_KEY_SECRET` is the SDKs' documented variable.
export const alibabaAccessKeySecret: Detector = {
  id: 'alibaba-access-key-secret',
  provider: 'other',
  keyKind: 'Alibaba Cloud AccessKey secret',
  severity: 'critical',
  confidence: 'low',
  risk: 'An AccessKey secret signs Alibaba Cloud API calls with every permission of its RAM user.',
  remediation,
  keywords: ['alibaba', 'aliyun'],
  pattern: namedValuePattern(['alibaba', 'aliyun'], '[A-Za-z0-9]{30}'),
  window: namedValueWindow(30),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 14)}Rt8${rng.string(ALNUM, 13)}`],
    negative: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'your_access_key_secret_here_ok'],
    assignedTo: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  },
};
