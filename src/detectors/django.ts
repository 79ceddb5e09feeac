import type { Detector } from './detector.js';
import { django } from '../providers/django.js';

// Django's get_random_secret_key() draws 50 characters from this alphabet, and `startproject` writes
// `SECRET_KEY = 'django-insecure-' + get_random_secret_key()` into settings.py
// (https://docs.djangoproject.com/en/stable/ref/settings/#secret-key).
const KEY_CHARS = 'a-z0-9!@#$%^&*(\\-_=+)';
/** Lower case, a digit and one of the symbols: what 50 random characters of that alphabet hold. */
const looksGenerated = (s: string) => /[a-z]/.test(s) && /[0-9]/.test(s) && /[!@#$%^&*(\-_=+)]/.test(s);

export const djangoInsecureKey: Detector = {
  id: 'django-insecure-key',
  provider: 'other',
  keyKind: 'Django SECRET_KEY (as startproject generates it)',
  severity: 'high',
  risk: 'Django’s SECRET_KEY signs sessions, password-reset links and signed cookies: whoever has it can forge them and log in as any user.',
  remediation: django.remediation,
  keywords: ['django-insecure-'],
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>django-insecure-[${KEY_CHARS}]{50})(?![${KEY_CHARS}])`, 'g'),
  window: { before: 8, after: 72 },
  validate: (s) => looksGenerated(s.slice(16)),
  redactPrefix: () => 'django-insecure-',
  examples: {
    positive: (rng) => [
      `django-insecure-${rng.string('abcdefghijklmnopqrstuvwxyz0123456789', 24)}(#9${rng.string('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 23)}`,
    ],
    negative: ['django-insecure-change-me', 'django-insecure-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
    assignedTo: 'SECRET_KEY',
  },
};

export const djangoSecretKey: Detector = {
  id: 'django-secret-key',
  provider: 'other',
  keyKind: 'Django SECRET_KEY',
  severity: 'high',
  confidence: 'low',
  risk: djangoInsecureKey.risk,
  remediation: django.remediation,
  keywords: ['secret_key'],
  // Settings name it in capitals (`SECRET_KEY = '…'`, `DJANGO_SECRET_KEY=…` in an env file); the value is
  // the 50 characters get_random_secret_key() gives.
  pattern: new RegExp(
    `(?<![A-Za-z0-9_])(?:DJANGO_)?SECRET_KEY["']?\\s{0,30}[=:]\\s{0,4}\\\\?(?<q>["']?)(?<secret>[${KEY_CHARS}]{50})\\\\?\\k<q>(?![${KEY_CHARS}])`,
    'g',
  ),
  window: { before: 8, after: 96 },
  validate: looksGenerated,
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string('abcdefghijklmnopqrstuvwxyz', 20)}7+${rng.string('abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)', 28)}`,
    ],
    negative: ['your-secret-key-goes-here', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx'],
    assignedTo: 'SECRET_KEY',
  },
};
