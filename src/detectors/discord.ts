import type { Detector } from './detector.js';
import { DIGITS, URLSAFE } from './alphabets.js';
import { isMixedAlnum } from './token-shape.js';
import { discord } from '../providers/discord.js';

const remediation = discord.remediation;

/** A bot token's first part is the base64 of the bot's numeric user id (a snowflake). */
const startsWithUserId = (token: string): boolean =>
  /^[0-9]{17,20}$/.test(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1'));

// Bot tokens: base64url(user id) . 6-character timestamp . 27 or more characters of HMAC
// (https://discord.com/developers/docs/reference#authentication). Nothing in it is a fixed literal, so
// the detector looks only near the word Discord, and checks the first part decodes to a user id.
export const discordBotToken: Detector = {
  id: 'discord-bot-token',
  provider: 'other',
  keyKind: 'Discord bot token',
  severity: 'high',
  confidence: 'low',
  risk: 'A bot token logs in as the bot: it reads and posts in every server and channel the bot is in and can act on its permissions there.',
  remediation,
  keywords: ['discord'],
  pattern:
    /(?<![A-Za-z0-9_.-])(?<secret>[MNO][A-Za-z0-9_-]{22,26}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_.-])/g,
  window: { before: 160, after: 240 },
  validate: (s) => startsWithUserId(s) && isMixedAlnum(s.slice(s.lastIndexOf('.') + 1)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${Buffer.from(`${rng.int(1, 9)}${rng.string(DIGITS, 17)}`).toString('base64url')}.${rng.string(URLSAFE, 6)}.${rng.string(URLSAFE, 12)}Hq8${rng.string(URLSAFE, 12)}`,
    ],
    negative: [
      'MTAxMjM0NTY3ODkwMTIzNDU2.XXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'AbcDefGhiJklMnoPqrStuVwx.YzAbCd.EfGhIjKlMnOpQrStUvWxYzAbCdE',
      'discord.js.org',
    ],
    assignedTo: 'DISCORD_BOT_TOKEN',
  },
};

// Webhook URLs: /api/webhooks/<id>/<token> on discord.com or the older discordapp.com
// (https://discord.com/developers/docs/resources/webhook#execute-webhook).
export const discordWebhookUrl: Detector = {
  id: 'discord-webhook-url',
  provider: 'other',
  keyKind: 'Discord webhook URL',
  severity: 'medium',
  risk: 'A webhook URL lets anyone post messages (phishing links included) into the channel it belongs to, under any name and avatar.',
  remediation,
  // `discord` is the bot token's keyword already: one keyword for both keeps the prefilter small.
  keywords: ['discord'],
  pattern:
    /(?<secret>(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/(?:v[0-9]{1,2}\/)?webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])/g,
  window: { before: 16, after: 140 },
  validate: (s) => isMixedAlnum(s.slice(s.lastIndexOf('/') + 1)),
  redactPrefix: (s) => s.slice(0, s.indexOf('webhooks/') + 9),
  examples: {
    positive: (rng) => [
      `https://discord.com/api/webhooks/${rng.int(1, 9)}${rng.string(DIGITS, 17)}/${rng.string(URLSAFE, 33)}Zt5${rng.string(URLSAFE, 32)}`,
    ],
    negative: [
      'https://discord.com/api/webhooks/123456789012345678/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
    ],
  },
};
