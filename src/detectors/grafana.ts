import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { revokeAt } from '../providers/revoke-at.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { grafana } from '../providers/grafana.js';

// Service account tokens: `glsa_` + 32 base62 + `_` + 8-hex checksum
// (https://grafana.com/docs/grafana/latest/administration/service-accounts/).
export const grafanaServiceAccountToken: Detector = {
  id: 'grafana-service-account-token',
  provider: 'other',
  keyKind: 'Grafana service account token',
  severity: 'high',
  risk: 'A Grafana service account token reads every dashboard and data source query its role allows, and may edit them.',
  remediation: grafana.remediation,
  keywords: ['glsa_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[a-fA-F0-9]{8})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 56 },
  validate: (s) => hasLetterAndDigit(s.slice(5, 37)),
  redactPrefix: () => 'glsa_',
  examples: {
    positive: (rng) => [`glsa_${rng.string(ALNUM, 15)}Yt6${rng.string(ALNUM, 14)}_${rng.string(HEX, 8)}`],
    negative: ['glsa_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX_AAAAAAAA'],
  },
};

// Grafana Cloud access policy tokens: `glc_` + base64 of a JSON object (`{"o":…,"n":…,"k":…,"m":…}`).
export const grafanaCloudToken: Detector = {
  id: 'grafana-cloud-token',
  provider: 'other',
  keyKind: 'Grafana Cloud access policy token',
  severity: 'high',
  risk: 'A Grafana Cloud token reads or writes the metrics, logs and traces of the stacks its access policy covers.',
  remediation: revokeAt('Grafana Cloud (My Account → Access Policies → the policy’s tokens)'),
  keywords: ['glc_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>glc_eyJ[A-Za-z0-9+/]{32,800}={0,2})(?![A-Za-z0-9+/=_])/g,
  window: { before: 8, after: 820 },
  validate: (s) => isMixedAlnum(s.slice(4)),
  redactPrefix: () => 'glc_',
  examples: {
    positive: (rng) => {
      const json = `{"o":"${rng.int(100000, 999999)}","n":"ci","k":"${rng.string(ALNUM, 24)}","m":{"r":"prod-us-east-0"}}`;
      return [`glc_${Buffer.from(json).toString('base64')}`];
    },
    negative: [
      'glc_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'static void GLC_CreateLightmapTextureArray(void);',
    ],
  },
};
