import { compileConfigRegex } from '../policy/config-regex.js';
import type { Config } from '../policy/config-schema.js';
import type { EnvironmentDecision } from './decision.js';
import type { Inventory } from './inventory.js';

/**
 * Production-like environments (name matches `production-environments`) that have neither
 * required reviewers nor a deployment branch policy: any workflow on any branch can deploy there
 * and read its keys — the exposure a key shared across environments has, so the same level: an
 * error. It can always be fixed: "deployment branches" come with environments on every plan (required
 * reviewers need GitHub Enterprise in private repositories). Environment names are case-insensitive
 * on GitHub, so the pattern is too.
 * https://docs.github.com/actions/managing-workflow-runs-and-deployments/managing-deployments/managing-environments-for-deployment#deployment-protection-rules
 */
export function evaluateEnvironments(inventory: Inventory, config: Config): EnvironmentDecision[] {
  const productionLike = compileConfigRegex(config['production-environments'], { ignoreCase: true });
  return inventory.environments
    .filter((env) => productionLike.test(env.name) && !env.requiredReviewers && !env.branchPolicy)
    .map((env) => ({
      kind: 'environment',
      status: 'unprotected',
      level: 'error',
      environment: env.name,
      message:
        `Environment ${env.name} looks like production but has no required reviewers and no deployment branch policy: ` +
        'any branch can deploy to it and read its secrets. Limit it to protected branches (Deployment branches and tags) or add required reviewers.',
    }));
}
