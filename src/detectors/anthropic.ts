import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { anthropic } from '../providers/anthropic.js';

const remediation = anthropic.remediation;

// Keys are `sk-ant-<kind><2-digit version>-`, 93 URL-safe characters, then a fixed `AA` tail; the version
// has moved (api03, api04), so it is not pinned.
function anthropicKey(
  kind: 'api' | 'admin',
  id: string,
  keyKind: string,
  severity: Detector['severity'],
  risk: string,
): Detector {
  return {
    id,
    provider: 'anthropic',
    keyKind,
    severity,
    risk,
    remediation,
    keywords: [`sk-ant-${kind}`],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?<secret>sk-ant-${kind}\\d{2}-[A-Za-z0-9_-]{86,100}AA)(?![A-Za-z0-9_-])`,
      'g',
    ),
    redactPrefix: (s) => s.slice(0, s.indexOf('-', 7) + 1),
    examples: {
      positive: (rng) => [
        `sk-ant-${kind}03-${rng.string(URLSAFE, 93)}AA`,
        `sk-ant-${kind}04-${rng.string(URLSAFE, 93)}AA`,
      ],
      negative: [
        `sk-ant-${kind}03-${'x'.repeat(93)}AA`,
        `sk-ant-${kind}03-your-key-here`,
        `ANTHROPIC_API_KEY=sk-ant-${kind}03-...`,
        `sk-ant-${kind}02-notarealkey`,
        `ssk-ant-${kind}04-NotARealKeyButLooksLikeOne`,
      ],
    },
  };
}

export const anthropicAdminKey = anthropicKey(
  'admin',
  'anthropic-admin-key',
  'Anthropic admin key',
  'critical',
  'An admin key manages the whole organization: it can create and revoke API keys, manage members and workspaces.',
);

export const anthropicApiKey = anthropicKey(
  'api',
  'anthropic-api-key',
  'Anthropic API key',
  'high',
  'An API key can spend the workspace’s credits and read the prompts and files sent with it.',
);
