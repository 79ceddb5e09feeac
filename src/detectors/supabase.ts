import type { Detector } from './detector.js';
import { HEX, URLSAFE } from './alphabets.js';
import { hasLetterAndDigit, isMixedAlnum } from './token-shape.js';
import { supabase } from '../providers/supabase.js';

const remediation = supabase.remediation;

// Personal access tokens for the Management API and CLI: `sbp_` + 40 hex
// (https://supabase.com/docs/reference/api/introduction).
export const supabaseAccessToken: Detector = {
  id: 'supabase-access-token',
  provider: 'other',
  keyKind: 'Supabase personal access token',
  severity: 'critical',
  risk: 'A Supabase access token manages every project of its user: reads their API keys and database settings, and deletes them.',
  remediation,
  keywords: ['sbp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sbp_[a-f0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 52 },
  validate: (s) => hasLetterAndDigit(s.slice(4)),
  redactPrefix: () => 'sbp_',
  examples: {
    positive: (rng) => [`sbp_${rng.string(HEX, 19)}d2${rng.string(HEX, 19)}`],
    negative: [`sbp_${'0'.repeat(40)}`, 'sbp_abc123'],
  },
};

// Project secret keys (the successor of the service_role key): `sb_secret_` + URL-safe characters
// (https://supabase.com/docs/guides/api/api-keys). The publishable `sb_publishable_` key is public.
export const supabaseSecretKey: Detector = {
  id: 'supabase-secret-key',
  provider: 'other',
  keyKind: 'Supabase secret API key',
  severity: 'critical',
  risk: 'A Supabase secret key bypasses row-level security: it reads, changes and deletes every row and file of the project.',
  remediation,
  keywords: ['sb_secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sb_secret_[A-Za-z0-9_-]{24,64})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 80 },
  validate: (s) => isMixedAlnum(s.slice(10)),
  redactPrefix: () => 'sb_secret_',
  examples: {
    positive: (rng) => [`sb_secret_${rng.string(URLSAFE, 12)}Vq9${rng.string(URLSAFE, 16)}`],
    negative: ['sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sb_secret_...'],
  },
};

/** The payload of a JWT, decoded (latin1; empty when it is not base64url). */
const jwtPayload = (token: string): string => Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('latin1');

const b64url = (json: string): string => Buffer.from(json).toString('base64url');

// Legacy service_role keys are JWTs whose payload says `"role": "service_role"`, kept under
// SUPABASE_SERVICE_ROLE_KEY (https://supabase.com/docs/guides/api/api-keys#legacy-api-keys). The
// name brings the scanner to it; the claim, read from the token itself, says what it is (the anon
// key, public by design, has `"role": "anon"` and is left alone).
export const supabaseServiceRoleKey: Detector = {
  id: 'supabase-service-role-key',
  provider: 'other',
  keyKind: 'Supabase service_role key (JWT)',
  severity: 'critical',
  risk: 'A service_role key bypasses row-level security: it reads, changes and deletes every row and file of the project.',
  remediation,
  keywords: ['service_role', 'servicerole'],
  pattern: /(?<secret>eyJ[A-Za-z0-9_-]{10,400}\.eyJ[A-Za-z0-9_-]{10,1200}\.[A-Za-z0-9_-]{20,400})(?![A-Za-z0-9_.-])/g,
  window: { before: 8, after: 2200 },
  validate: (s) => /"role"\s{0,3}:\s{0,3}"service_role"/.test(jwtPayload(s)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(
        `{"iss":"supabase","ref":"${rng.string('abcdefghijklmnopqrstuvwxyz', 20)}","role":"service_role","iat":1700000000,"exp":2015576000}`,
      )}.${rng.string(URLSAFE, 20)}Hq4${rng.string(URLSAFE, 20)}`,
    ],
    negative: ['your-service-role-key'],
    assignedTo: 'SUPABASE_SERVICE_ROLE_KEY',
  },
};
