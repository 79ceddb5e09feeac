import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { isMixedAlnum } from './token-shape.js';
import { tencentCloud } from '../providers/tencent-cloud.js';

const remediation = tencentCloud.remediation;

// SecretIds: `AKID` (older keys) or `IKID` (the prefix Tencent's CAM docs now state) + 32 base62
// characters (https://www.tencentcloud.com/document/product/598/32675).
export const tencentCloudSecretId: Detector = {
  id: 'tencent-cloud-secret-id',
  provider: 'other',
  keyKind: 'Tencent Cloud SecretId',
  severity: 'high',
  risk: 'A SecretId names a CAM API key; beside its SecretKey it signs API calls with every permission of its user.',
  remediation,
  // `kid` is in both prefixes, and spares the prefilter an `i` branch that would cost every `i` of every file.
  keywords: ['kid'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[AI]KID[A-Za-z0-9]{32})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 44 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [`AKID${rng.string(ALNUM, 15)}mZ4${rng.string(ALNUM, 14)}`],
    negative: ['AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'AKIDEXAMPLEEXAMPLEEXAMPLEEXAMPLE0000', 'AKID_SECRET'],
  },
};

// SecretKeys: 32 base62 characters, only beside a Tencent name (`TENCENTCLOUD_SECRET_KEY`, the
// variable Tencent's SDKs and Terraform provider read).
export const tencentCloudSecretKey: Detector = {
  id: 'tencent-cloud-secret-key',
  provider: 'other',
  keyKind: 'Tencent Cloud SecretKey',
  severity: 'critical',
  confidence: 'low',
  risk: 'A SecretKey signs Tencent Cloud API calls with every permission of its CAM user.',
  remediation,
  keywords: ['tencent', 'qcloud'],
  pattern: namedValuePattern(['tencent', 'qcloud'], '[A-Za-z0-9]{32}'),
  window: namedValueWindow(32),
  validate: (s, { match }) => namesVendorSecret(match) && isMixedAlnum(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 15)}Hb3${rng.string(ALNUM, 14)}`],
    negative: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'TENCENTCLOUDSECRETKEYPLACEHOLDER0'],
    assignedTo: 'TENCENTCLOUD_SECRET_KEY',
  },
};
