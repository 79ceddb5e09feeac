import type { Detector } from './detector.js';
import { DIGITS, LOWER } from './alphabets.js';
import { namedValue, namedWindow } from './named-value.js';
import { hasLetterAndDigit } from './token-shape.js';
import { twitch } from '../providers/twitch.js';

// Client secrets and OAuth tokens are 30 lower-case base36 characters (https://dev.twitch.tv/docs/authentication/):
// only a Twitch name says whose.
export const twitchSecret: Detector = {
  id: 'twitch-secret',
  provider: 'other',
  keyKind: 'Twitch client secret or OAuth token',
  severity: 'medium',
  confidence: 'low',
  risk: 'A Twitch client secret gets app tokens for the application; a user token acts on the channel with the scopes it was granted.',
  remediation: twitch.remediation,
  keywords: ['twitch'],
  pattern: namedValue('twitch[A-Za-z0-9_.-]{0,24}?(?:secret|token)', '(?:oauth:)?[a-z0-9]{30}'),
  window: namedWindow(36),
  validate: (s) => hasLetterAndDigit(s.replace(/^oauth:/i, '')),
  redactPrefix: (s) => (s.toLowerCase().startsWith('oauth:') ? 'oauth:' : ''),
  examples: {
    positive: (rng) => [`${rng.string(LOWER + DIGITS, 14)}q7${rng.string(LOWER + DIGITS, 14)}`],
    negative: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'your_twitch_client_secret_here'],
    assignedTo: 'TWITCH_CLIENT_SECRET',
  },
};
