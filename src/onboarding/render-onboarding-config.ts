import type { KeyPolicy } from '../policy/config-schema.js';
import type { ActionLocation } from './parse-action-location.js';
import { yamlFlowList, yamlScalar } from './yaml-scalar.js';

/** The README section that documents every field of the file. */
const CONFIG_DOCS = { anchor: '#suppressing-a-finding', title: 'Suppressing a finding' };

export interface OnboardingConfigInput {
  /** `owner/name`, for the header. */
  repository: string;
  /** From {@link onboardingKeys}. */
  keys: readonly KeyPolicy[];
  /** Where the Action lives (`KEY_HYGIENE_ACTION`): its repository's README is linked; unset, only named. */
  action?: ActionLocation;
}

/**
 * The starter `.github/key-hygiene.yml` of an onboarding pull request: it extends the organisation's
 * policy (`_extends: .github`, Probot's config inheritance) so organisation-wide settings keep
 * applying, and lists the keys found, so a team sees — and edits — what will be tracked. Comments
 * say where it came from and where the fields are documented; a test parses it with the schema.
 */
export function renderOnboardingConfig({ repository, keys, action }: OnboardingConfigInput): string {
  const lines = [
    `# Key Hygiene policy for ${repository}: the CLI, the Action and the App all read this file.`,
    '# Prefilled by the Key Hygiene App from the secrets and environments it found; edit it as you need.',
    action?.home === undefined
      ? `# Every field: "${CONFIG_DOCS.title}" in the Key Hygiene README.`
      : `# Every field: ${action.home}${CONFIG_DOCS.anchor}`,
    '',
    '# Keep the organisation-wide settings from the .github repository; what this file says wins.',
    '_extends: .github',
    '',
  ];
  if (keys.length === 0) {
    lines.push(
      '# No key-like secrets were found yet. List each one here, with the environments that need their own copy.',
      'keys: []',
    );
  } else {
    lines.push('# Each environment listed must hold its own value of the key, rotated on time.', 'keys:');
    for (const key of keys) lines.push(...renderKey(key));
  }
  return `${lines.join('\n')}\n`;
}

function renderKey(key: KeyPolicy): string[] {
  const lines = [`  - secret: ${key.secret}`];
  if (key.provider !== undefined) lines.push(`    provider: ${yamlScalar(key.provider)}`);
  if (key.environments.length > 0) lines.push(`    environments: ${yamlFlowList(key.environments)}`);
  if (key['rotate-every'] !== undefined) lines.push(`    rotate-every: ${yamlScalar(key['rotate-every'])}`);
  if (key['remind-before'] !== undefined) lines.push(`    remind-before: ${yamlScalar(key['remind-before'])}`);
  if (key.owners.length > 0) lines.push(`    owners: ${yamlFlowList(key.owners)}`);
  return lines;
}
