import type { Config, KeyPolicy } from '../policy/config-schema.js';
import { inlineCode } from '../report/render-issue-text.js';

/** Table rows shown at most; the file itself holds the rest. */
const MAX_ROWS = 100;

const codes = (items: readonly string[]): string => items.map(inlineCode).join(', ');

/** A table cell: a `|` would end it early, even inside inline code. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/**
 * "What the App will do" under a policy, in the words of the README: which keys, in which
 * environments, how often they rotate, and what happens when one is late (shown in the onboarding pull request).
 * Names go into inline code, so an owner or `escalate-to` team is shown, never @-mentioned.
 */
export function renderOnboardingPolicy(config: Config): string[] {
  const lines = ['### What the App will do', ''];
  if (config['dry-run'])
    lines.push(
      '**Dry run** (`dry-run: true`): the App logs what it would do in this repository and writes nothing.',
      '',
    );
  lines.push(...renderKeys(config), '');
  lines.push(...renderRules(config));
  return lines;
}

/** A key's own rotation, else the policy's top-level one (src/policy/rotation.ts). */
function renderKeys(config: Config): string[] {
  const keys: readonly KeyPolicy[] = config.keys;
  if (keys.length === 0) return ['No keys listed in `keys:` yet.'];
  const rows = keys.slice(0, MAX_ROWS).map((key) => {
    const environments = key.environments.length ? codes(key.environments) : 'repository secret';
    const owners = key.owners.length ? codes(key.owners) : 'CODEOWNERS, else admins';
    return `| ${cell(inlineCode(key.secret))} | ${key.provider ? cell(inlineCode(key.provider)) : '—'} | ${cell(environments)} | ${key['rotate-every'] ?? config['rotate-every']} | ${key['remind-before'] ?? config['remind-before']} | ${cell(owners)} |`;
  });
  const more = keys.length > MAX_ROWS ? [`…and ${keys.length - MAX_ROWS} more in the file.`] : [];
  return [
    '| secret | provider | environments (each its own value) | rotate every | remind before | owners |',
    '|---|---|---|---|---|---|',
    ...rows,
    ...more,
  ];
}

function renderRules(config: Config): string[] {
  const environments = [...new Set(config.keys.flatMap((k) => k.environments))];
  const escalation = config['escalate-to'].length
    ? `the App mentions ${codes(config['escalate-to'])} and adds the label \`escalated\``
    : 'nobody is mentioned (`escalate-to` is empty)';
  return [
    config['track-names'].length
      ? `- Other repository and environment secrets named like keys (${codes(config['track-names'])}) rotate every ${config['rotate-every']}, with a reminder ${config['remind-before']} before.`
      : '- Secrets not listed in `keys:` are not tracked (`track-names` is empty).',
    ...(environments.length
      ? [
          `- Environments: ${codes(environments)}. A key listed for an environment must be that environment's own secret; the same key at repository or organisation level is reported as shared.`,
        ]
      : []),
    `- Environments named like ${inlineCode(config['production-environments'])} should have required reviewers or a deployment branch rule.`,
    '- A key that is due soon, overdue, shared between environments or missing gets one issue with the steps to rotate it;' +
      ` reminders every ${config.reminders['due-soon']} while due soon and every ${config.reminders.overdue} while overdue.`,
    `- Still open after ${config['escalate-after']}: ${escalation}.`,
    `- In its issues: \`/rotated\`, \`/snooze\` (up to ${config['max-snooze']}), \`/exempt\`, \`/status\`, \`/help\`.`,
    config.dashboard
      ? '- A **Key hygiene dashboard** issue lists every tracked key, when it was rotated and when it is due.'
      : '- No dashboard issue (`dashboard: false`).',
  ];
}
