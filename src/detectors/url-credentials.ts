import type { Detector } from './detector.js';
import { ALNUM, DIGITS } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';

export const urlCredentials: Detector = {
  id: 'generic-url-password',
  provider: 'generic',
  keyKind: 'Password in a URL (database, broker or basic-auth URL)',
  severity: 'high',
  risk: 'A user:password pair in a connection URL opens the database, queue or server it points to with that user’s rights.',
  remediation:
    'Change the password on the server it opens (and check its access logs) — deleting the commit does not make it safe: history, ' +
    'forks and caches keep it. Build the URL at run time from an environment secret.',
  keywords: ['://'],
  // Scheme before the keyword; user, password and host after: every URL in the code is a hit, so keep it tight.
  window: { before: 24, after: 224 },
  // scheme://user:password@host — the password stops at the first '@' (most drivers need it percent-encoded anyway).
  // It starts with the literal `://` and checks the scheme behind it, so the engine jumps from one `://` to the next.
  pattern:
    /:\/\/(?<=(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/)(?<user>[^\s:/?#@"'<>{}\\]{0,64}):(?<secret>[^\s/?#@"'<>{}\\]{1,128})@(?=[A-Za-z0-9[])/g,
  redactPrefix: () => '',
  validate: (secret, { match }) => {
    const user = /\/\/([^:]*):/.exec(match)?.[1] ?? '';
    return isRealPassword(decodeURIComponentSafe(secret), user);
  },
  examples: {
    positive: (rng) => [
      `postgres://app:${rng.string(ALNUM, 14)}${rng.string(DIGITS, 2)}@db.internal:5432/app`,
      `mongodb+srv://svc:${rng.string(ALNUM, 20)}@mongo.db.internal/prod`,
    ],
    negative: [
      'postgres://user:password@localhost/mydb',
      'mysql://user:${PASSWORD}@example.com:3306/db',
      'mongodb://mongodb:mongodb@localhost:27017/database',
      'https://YOUR_USERNAME:YOUR_PASSWORD@api.service.com',
      'https://user:abc@api.com/v1',
      'postgresql://{username}:{password}@{{host}}:5432/{database}',
      'https://example.com/path',
    ],
  },
};

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
