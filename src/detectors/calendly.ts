import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { calendly } from '../providers/calendly.js';

const b64url = (json: string): string => Buffer.from(json).toString('base64url');

// Personal access tokens are JWTs (https://developer.calendly.com/how-to-authenticate-with-personal-access-tokens):
// the JWT rule reports any JWT; beside a Calendly name the finding says whose.
export const calendlyAccessToken: Detector = {
  id: 'calendly-access-token',
  provider: 'other',
  keyKind: 'Calendly personal access token',
  severity: 'medium',
  confidence: 'low',
  risk: 'A Calendly token reads its user’s scheduled events and invitees (names, emails, answers) and manages webhooks.',
  remediation: calendly.remediation,
  keywords: ['calendly'],
  pattern: namedValue(
    'calendly[A-Za-z0-9_.-]{0,24}?(?:token|key|secret)',
    'eyJ[A-Za-z0-9_-]{10,400}\\.eyJ[A-Za-z0-9_-]{10,1200}\\.[A-Za-z0-9_-]{20,400}',
  ),
  window: namedWindow(2000),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${b64url('{"kid":"1ce1e136","typ":"PAT","alg":"ES512"}')}.${b64url(`{"iss":"https://auth.calendly.com","iat":1700000000,"jti":"${rng.string(URLSAFE, 24)}","user_uuid":"${rng.string(URLSAFE, 16)}"}`)}.${rng.string(URLSAFE, 86)}`,
    ],
    negative: ['eyJhbGciOiJIUzI1NiJ9.XXXX.YYYY'],
    assignedTo: 'CALENDLY_API_TOKEN',
  },
};
