import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { google } from '../providers/google.js';

// Firebase Cloud Messaging legacy server keys: `AAAA` + 7 URL-safe characters, `:APA91b` and 134 more
// (https://firebase.google.com/docs/cloud-messaging/auth-server). A device's registration token also
// holds `:APA91b`, after an 11-character instance id that does not start with `AAAA`: it is no secret.
export const googleFcmServerKey: Detector = {
  id: 'google-fcm-server-key',
  provider: 'google',
  keyKind: 'Firebase Cloud Messaging legacy server key',
  severity: 'high',
  risk: 'An FCM server key sends push notifications, as the app, to every device of its Firebase project.',
  remediation: google.remediation,
  keywords: [':apa91b'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/g,
  window: { before: 16, after: 148 },
  validate: (s) => isMixedAlnum(s.slice(18)),
  redactPrefix: () => 'AAAA',
  examples: {
    positive: (rng) => [`AAAA${rng.string(URLSAFE, 7)}:APA91b${rng.string(URLSAFE, 60)}Qe3${rng.string(URLSAFE, 71)}`],
    negative: [`AAAAxxxxxxx:APA91b${'x'.repeat(134)}`, 'AAAA...:APA91b...'],
  },
};
