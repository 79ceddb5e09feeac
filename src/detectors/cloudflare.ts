import { crc32 } from 'node:zlib';
import type { Detector } from './detector.js';
import { ALNUM } from './alphabets.js';
import { cloudflare } from '../providers/cloudflare.js';

const crcHex = (body: string): string => crc32(body).toString(16).padStart(8, '0');

// Scannable credentials (2025): `cfut_` user tokens, `cfat_` account tokens, `cfk_` API keys; prefix
// + 40 base62 characters + the CRC32 of those 40 in 8 hex digits, so a match is checked, not guessed.
export const cloudflareApiToken: Detector = {
  id: 'cloudflare-api-token',
  provider: 'other',
  keyKind: 'Cloudflare API token or key',
  severity: 'critical',
  confidence: 'high',
  risk: 'A Cloudflare token changes the DNS, TLS and Workers of the zones it covers, enough to take over the sites.',
  remediation: cloudflare.remediation,
  keywords: ['cfut_', 'cfat_', 'cfk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>cf(?:ut|at|k)_[A-Za-z0-9]{40}[a-f0-9]{8})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 64 },
  validate: (s) => crcHex(s.slice(-48, -8)) === s.slice(-8),
  allowPlaceholderLike: true,
  redactPrefix: (s) => s.slice(0, s.indexOf('_') + 1),
  examples: {
    positive: (rng) => {
      const body = rng.string(ALNUM, 40);
      return [`cfut_${body}${crcHex(body)}`, `cfk_${body}${crcHex(body)}`];
    },
    negative: ['cfat_tooshort', `cfk_${'x'.repeat(40)}00000000`],
  },
};
