import type { Detector } from './detector.js';
import { DIGITS, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { telegram } from '../providers/telegram.js';

// Bot tokens: the bot's numeric id, a colon, 35 URL-safe characters (https://core.telegram.org/bots/api#authorizing-your-bot).
// Nothing in it is a fixed literal, so the detector looks only near the word Telegram (a name, a
// `tgram://` URL or `api.telegram.org/bot<token>/`).
export const telegramBotToken: Detector = {
  id: 'telegram-bot-token',
  provider: 'other',
  keyKind: 'Telegram bot token',
  severity: 'high',
  confidence: 'low',
  risk: 'A bot token controls the bot: it reads every message sent to it and posts to every chat and channel it is in.',
  remediation: telegram.remediation,
  keywords: ['telegram', 'tgram://'],
  pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_:-]))(?<secret>[0-9]{8,10}:[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])/g,
  window: { before: 160, after: 200 },
  validate: (s) => isMixedAlnum(s.slice(s.indexOf(':') + 1)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.int(1, 9)}${rng.string(DIGITS, 9)}:AA${rng.string(URLSAFE, 15)}Gk3${rng.string(URLSAFE, 15)}`,
    ],
    negative: ['1234567890:XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', '123456789:<your-bot-token>', 'telegram:12345678'],
    assignedTo: 'TELEGRAM_BOT_TOKEN',
  },
};
