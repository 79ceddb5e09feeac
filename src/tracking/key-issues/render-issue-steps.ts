import { findProvider } from '../../providers/canonical-provider.js';
import type { TrackedKey } from '../tracked-key.js';
import { inlineCode } from '../../report/render-issue-text.js';

// How to replace a key, per provider. Rotation is make-new → update the secret → check → revoke
// old, in that order, so nothing breaks between the steps.

/** The provider's own steps where its record (src/providers/) has them; undefined: the generic ones. */
function stepsOf(provider: string | undefined): { name: string; create: string; revoke: string } | undefined {
  const record = provider === undefined ? undefined : findProvider(provider);
  const create = record?.rotation?.create;
  const revoke = record?.rotation?.revoke;
  return record && create !== undefined && revoke !== undefined ? { name: record.name, create, revoke } : undefined;
}

/** Where the secret is edited on GitHub, as a Markdown sentence. */
export function secretLocation(key: TrackedKey): string {
  const repo = `https://github.com/${key.repository}`;
  const org = key.repository.split('/')[0] ?? '';
  switch (key.scope) {
    case 'environment':
      return `the ${inlineCode(key.environment ?? '')} environment secret ${inlineCode(key.secret)} (Settings → Environments → ${inlineCode(key.environment ?? '')} → Environment secrets: ${repo}/settings/environments)`;
    case 'repo':
      return `the repository secret ${inlineCode(key.secret)} (${repo}/settings/secrets/actions)`;
    case 'org':
      return `the organisation secret ${inlineCode(key.secret)} (https://github.com/organizations/${org}/settings/secrets/actions)`;
    case 'dependabot':
      return `the Dependabot secret ${inlineCode(key.secret)} (${repo}/settings/secrets/dependabot)`;
  }
}

/** The numbered steps to rotate one key: the provider's own where it is known, generic otherwise. */
export function renderRotationSteps(key: TrackedKey, provider: string | undefined): string[] {
  const p = stepsOf(provider);
  return [
    p?.create ??
      'Create a new key with the provider, with the same permissions (no more), made for this one environment.',
    `Update ${secretLocation(key)} with the new key.`,
    'Re-run the last deployment (or a workflow that uses the key) and check it works.',
    p?.revoke ?? 'Revoke or delete the old key with the provider, so copies of it stop working.',
  ];
}

/** Steps to give each environment its own value and delete the shared copy. */
export function renderSplitSteps(key: TrackedKey, environments: string[], provider: string | undefined): string[] {
  const p = stepsOf(provider);
  const envs = environments.length ? environments.map(inlineCode).join(', ') : 'each environment';
  return [
    `For each environment (${envs}), create a key made for that environment alone${p ? ` with ${p.name}` : ''} and add it as an environment secret named ${inlineCode(key.secret)} (https://github.com/${key.repository}/settings/environments).`,
    `Delete ${secretLocation(key)}.`,
    'Re-run a deployment to each environment and check it works.',
    p?.revoke ?? 'Revoke the old shared key with the provider: every environment had it.',
  ];
}

/** Steps to give an environment its own value (creating the environment first when it does not exist). */
export function renderMissingSteps(key: TrackedKey, noEnvironment: boolean, provider: string | undefined): string[] {
  const p = stepsOf(provider);
  if (key.environment === undefined) {
    return [
      p?.create ?? 'Create a new key with the provider, with only the permissions this repository needs.',
      `Add it as ${secretLocation(key)}.`,
      'Re-run a workflow that uses it and check it works.',
    ];
  }
  const env = inlineCode(key.environment);
  return [
    ...(noEnvironment
      ? [
          `Create the environment ${env} (https://github.com/${key.repository}/settings/environments/new), with required reviewers if it deploys to production.`,
        ]
      : []),
    p?.create ?? `Create a new key with the provider, made for ${env} alone.`,
    `Add it to ${secretLocation(key)}.`,
    `Re-run a deployment to ${env} and check it works.`,
  ];
}

/**
 * Steps to protect a production-like environment. Deployment branches come with environments on
 * every plan; required reviewers need a public repository or GitHub Enterprise.
 * https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#deployment-protection-rules
 */
export function renderProtectSteps(key: TrackedKey): string[] {
  const env = inlineCode(key.environment ?? '');
  return [
    `Open Settings → Environments → ${env} (https://github.com/${key.repository}/settings/environments).`,
    'Under **Deployment branches and tags**, choose **Protected branches only**, or **Selected branches and tags** and name the branches that deploy to production.',
    'Or, as well: tick **Required reviewers** and add the people or teams who must approve each deployment (in a private repository this needs GitHub Enterprise).',
    'Save the protection rules.',
  ];
}
