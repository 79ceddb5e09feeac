import type { Detector, Rng } from './detector.js';
import { ALNUM, DIGITS, HEX, UPPER } from './alphabets.js';
import { isPlaceholder } from './placeholder.js';
import { slack } from '../providers/slack.js';

const remediation = slack.remediation;

const ids = (rng: Rng, n: number): string => `${rng.int(1, 9)}${rng.string(DIGITS, n - 1)}`;

/**
 * Slack tokens start with workspace and user ids, which can be any number; only the random tail
 * (the last segment) can be a placeholder, so the shared check runs there rather than on the ids.
 */
function tailIsReal(secret: string): boolean {
  const parts = secret.split('-');
  const tail = parts[parts.length - 1] ?? '';
  if (parts.some((p) => /^(\d)\1{5,}$/.test(p))) return false;
  return !/^\d+$/.test(tail) ? !isPlaceholder(tail) && new Set(tail).size >= 6 : true;
}

export const slackBotToken: Detector = {
  id: 'slack-bot-token',
  provider: 'slack',
  keyKind: 'Slack bot token',
  severity: 'high',
  risk: 'A bot token reads and posts in every channel the bot is in, and can list users and files of the workspace.',
  remediation,
  keywords: ['xoxb-'],
  // xoxb-<team id>-<bot id>-<random> (current) or xoxb-<team id>-<random> (legacy bots).
  pattern:
    /(?<![A-Za-z0-9])(?<secret>xoxb-[0-9]{8,14}-(?:[0-9]{8,14}(?:-[A-Za-z0-9]{8,64})?|[A-Za-z0-9]{18,40}))(?![A-Za-z0-9-])/g,
  redactPrefix: () => 'xoxb-',
  allowPlaceholderLike: true,
  validate: tailIsReal,
  examples: {
    positive: (rng) => [
      `xoxb-${ids(rng, 12)}-${ids(rng, 13)}-${rng.string(ALNUM, 24)}`,
      `xoxb-${ids(rng, 12)}-${rng.string(ALNUM, 24)}`,
    ],
    negative: [
      'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx',
      'xoxb-12345-abcd234',
      'xoxb-xoxb-my-bot-token',
      'xoxb-Slack_BOT_TOKEN',
      'xoxb-abcdef-abcdef',
    ],
  },
};

export const slackUserToken: Detector = {
  id: 'slack-user-token',
  provider: 'slack',
  keyKind: 'Slack user token',
  severity: 'high',
  risk: 'A user token acts as that person: it reads their messages, DMs and files and posts as them.',
  remediation,
  keywords: ['xoxp-', 'xoxe-'],
  pattern: /(?<![A-Za-z0-9.])(?<secret>xox[pe]-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,64})(?![A-Za-z0-9])/g,
  redactPrefix: (s) => s.slice(0, 5),
  allowPlaceholderLike: true,
  validate: tailIsReal,
  examples: {
    positive: (rng) => [`xoxp-${ids(rng, 12)}-${ids(rng, 12)}-${ids(rng, 12)}-${rng.string(HEX, 32)}`],
    negative: [
      'xoxp-XXXXXXXXXX-XXXXXXXXXX-XXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d',
      'xoxp-572370529330-573807301142-572331691188-####################',
      'xoxp-1234567890',
    ],
  },
};

export const slackLegacyToken: Detector = {
  id: 'slack-legacy-token',
  provider: 'slack',
  keyKind: 'Slack legacy or workspace token',
  severity: 'high',
  risk: 'A legacy or workspace token carries wide scopes over the whole workspace and never expires.',
  remediation,
  keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
  // xoxa- (workspace apps), xoxo-/xoxs- (legacy), xoxr- (refresh): an optional version digit, then ids and a tail.
  pattern:
    /(?<![A-Za-z0-9])(?<secret>xox[aors]-(?:\d-)?[0-9]{6,14}(?:-[0-9]{6,14}){0,3}-[0-9A-Za-z]{8,64})(?![A-Za-z0-9-])/g,
  redactPrefix: (s) => s.slice(0, 5),
  allowPlaceholderLike: true,
  validate: tailIsReal,
  examples: {
    positive: (rng) => [
      `xoxs-${ids(rng, 12)}-${ids(rng, 12)}-${ids(rng, 12)}-${rng.string(HEX, 10)}`,
      `xoxa-2-${ids(rng, 12)}-${ids(rng, 12)}-${ids(rng, 13)}-${rng.string(HEX, 18)}`,
    ],
    negative: [
      'https://github.com/xoxa-nyc/xoxa-nyc.github.io',
      'xoxo-indieweb-1.jpg',
      'EXO-XOXO-teaser-exo-k-34521098-720-516.jpg',
    ],
  },
};

export const slackAppToken: Detector = {
  id: 'slack-app-token',
  provider: 'slack',
  keyKind: 'Slack app-level token',
  severity: 'high',
  risk: 'An app-level token opens Socket Mode connections as the app and receives every event it subscribes to.',
  remediation,
  keywords: ['xapp-'],
  pattern: /(?<![A-Za-z0-9])(?<secret>xapp-\d-[A-Z0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{32,80})(?![A-Za-z0-9])/g,
  redactPrefix: () => 'xapp-',
  examples: {
    positive: (rng) => [`xapp-1-A${rng.string(UPPER + DIGITS, 10)}-${ids(rng, 13)}-${rng.string(HEX, 64)}`],
    negative: ['xapp-1-XXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX', 'xapp-1-A0000000000-...'],
  },
};

export const slackConfigToken: Detector = {
  id: 'slack-config-token',
  provider: 'slack',
  keyKind: 'Slack app configuration token',
  severity: 'high',
  risk: 'A configuration token creates and edits the workspace’s apps, their scopes and their secrets.',
  remediation,
  keywords: ['xoxe.xox', 'xoxe-'],
  // Configuration access tokens (xoxe.xoxp-1-…, xoxe.xoxb-1-…) and their refresh tokens (xoxe-1-…).
  pattern: /(?<![A-Za-z0-9.])(?<secret>xoxe(?:\.xox[bp])?-\d-[A-Za-z0-9]{100,300})(?![A-Za-z0-9])/g,
  redactPrefix: (s) => s.slice(0, s.indexOf('-', 5) + 1),
  examples: {
    positive: (rng) => [`xoxe.xoxp-1-${rng.string(ALNUM, 146)}`, `xoxe-1-${rng.string(ALNUM, 146)}`],
    negative: ['xoxe.xoxp-1-SlackAppConfigurationAccessTokenHere', 'xoxe.xoxp-1-RANDOMSTRINGHERE', 'xoxe-1-xxx'],
  },
};

export const slackWebhookUrl: Detector = {
  id: 'slack-webhook-url',
  provider: 'slack',
  keyKind: 'Slack incoming webhook URL',
  severity: 'medium',
  risk: 'A webhook URL lets anyone post messages (phishing links included) into the channel it belongs to.',
  remediation:
    'Remove the webhook at https://api.slack.com/apps (Incoming Webhooks → remove) or delete the workflow trigger now — ' +
    'deleting the commit does not make it safe. Create a new one and keep its URL in an environment secret.',
  keywords: ['hooks.slack.com'],
  // services/ (incoming webhooks) and workflows|triggers/ (Workflow Builder), which add a numeric id before the secret.
  pattern:
    /(?<secret>hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[AB][A-Z0-9]{6,12}\/(?:[0-9]{8,20}\/)?[A-Za-z0-9]{16,48})(?![A-Za-z0-9])/g,
  redactPrefix: (s) => s.slice(0, s.indexOf('/', s.indexOf('/') + 1) + 1),
  examples: {
    positive: (rng) => [
      `https://hooks.slack.com/services/T${rng.string(UPPER + DIGITS, 8)}/B${rng.string(UPPER + DIGITS, 10)}/${rng.string(ALNUM, 24)}`,
      `https://hooks.slack.com/workflows/T${rng.string(UPPER + DIGITS, 10)}/A${rng.string(UPPER + DIGITS, 10)}/${ids(rng, 18)}/${rng.string(ALNUM, 24)}`,
    ],
    negative: [
      'https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX',
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://api.slack.com/web',
    ],
  },
};
