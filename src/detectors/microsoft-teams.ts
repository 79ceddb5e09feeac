import type { Detector, Rng } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { microsoftTeams } from '../providers/microsoft-teams.js';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const uuid = (rng: Rng): string => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');

// Incoming Webhook connector URLs: <tenant>.webhook.office.com/webhookb2/<group>@<tenant>/IncomingWebhook/<32 hex>/<owner>
// and, since 2024, a trailing signature segment; the older outlook.office.com/webhook/ form too
// (https://learn.microsoft.com/en-us/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook).
// The group and tenant ids are identifiers: the secret reported is what follows `IncomingWebhook/`.
export const microsoftTeamsWebhookUrl: Detector = {
  id: 'microsoft-teams-webhook-url',
  provider: 'other',
  keyKind: 'Microsoft Teams incoming webhook URL',
  severity: 'medium',
  risk: 'A webhook URL lets anyone post cards (phishing links included) into the Teams channel it belongs to.',
  remediation: microsoftTeams.remediation,
  keywords: ['webhook.office.com', 'outlook.office.com/webhook'],
  pattern: new RegExp(
    `(?:[A-Za-z0-9-]{1,63}\\.webhook\\.office\\.com\\/webhookb2|outlook\\.office(?:365)?\\.com\\/webhook)\\/${UUID}@${UUID}\\/IncomingWebhook\\/(?<secret>[0-9a-fA-F]{32}\\/${UUID}(?:\\/[A-Za-z0-9_-]{20,80})?)(?![A-Za-z0-9_-])`,
    'g',
  ),
  window: { before: 70, after: 260 },
  validate: (s) => hasLetterAndDigit(s.slice(0, 32)),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `https://contoso.webhook.office.com/webhookb2/${uuid(rng)}@${uuid(rng)}/IncomingWebhook/${rng.string(HEX, 15)}a1${rng.string(HEX, 15)}/${uuid(rng)}/V2${rng.string(ALNUM, 40)}`,
      `https://outlook.office.com/webhook/${uuid(rng)}@${uuid(rng)}/IncomingWebhook/${rng.string(HEX, 15)}f2${rng.string(HEX, 15)}/${uuid(rng)}`,
    ],
    negative: [
      'https://outlook.office.com/webhook/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx@xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/IncomingWebhook/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'https://contoso.webhook.office.com/webhookb2/',
    ],
  },
};
