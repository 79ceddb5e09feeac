import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { namedKey } from './named-key.js';
import { hasLetterAndDigit } from './token-shape.js';
import { datadog } from '../providers/datadog.js';

// API keys are 32 hex and application keys 40 hex, neither with a prefix
// (https://docs.datadoghq.com/account_management/api-app-keys/): only the Agent's and the API
// clients' names (DD_API_KEY, DD_APP_KEY, https://docs.datadoghq.com/agent/guide/environment-variables/)
// tell them from an MD5 or a SHA-1.
export const datadogApiKey: Detector = namedKey({
  id: 'datadog-api-key',
  provider: 'datadog',
  keyKind: 'Datadog API key',
  severity: 'high',
  risk: 'A Datadog API key submits metrics, logs and events to the organization, billed to it, and with an application key reads its data.',
  remediation: datadog.remediation,
  names: [
    ['dd', 'api', 'key'],
    ['datadog', 'api', 'key'],
  ],
  keywords: ['datadog', 'dd_api_key', 'ddapikey'],
  value: '[a-f0-9]{32}',
  maxValue: 32,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 15)}d9${rng.string(HEX, 15)}`],
    negative: ['<DATADOG_API_KEY>', '${DD_API_KEY}', '00000000000000000000000000000000'],
  },
});

export const datadogAppKey: Detector = namedKey({
  id: 'datadog-app-key',
  provider: 'datadog',
  keyKind: 'Datadog application key',
  severity: 'high',
  risk: 'A Datadog application key, beside an API key, reads and changes the organization’s dashboards, monitors, logs and users as its owner.',
  remediation: datadog.remediation,
  names: [
    ['dd', 'app', 'key'],
    ['dd', 'application', 'key'],
    ['datadog', 'app', 'key'],
    ['datadog', 'application', 'key'],
  ],
  keywords: ['datadog', 'dd_app_key', 'ddappkey', 'dd_application_key'],
  value: '[a-f0-9]{40}',
  maxValue: 40,
  validate: hasLetterAndDigit,
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}a6${rng.string(HEX, 19)}`],
    negative: ['<DATADOG_APP_KEY>', '${DD_APP_KEY}', '0000000000000000000000000000000000000000'],
  },
});
