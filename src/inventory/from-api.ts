import type { EnvironmentInfo, InventoryItem, SecretScope } from './inventory.js';

// GitHub's REST shapes turned into the inventory model: shared by the Action and the App, which
// fetch them with their own clients. Plain data in, plain data out — no client code here.

/** A secret as every secrets endpoint lists it: https://docs.github.com/rest/actions/secrets */
interface SecretMetadata {
  name: string;
  updated_at: string;
}

/** https://docs.github.com/rest/deployments/environments#get-an-environment */
interface EnvironmentResponse {
  name: string;
  protection_rules?: Array<{ type: string }>;
  deployment_branch_policy?: { protected_branches: boolean; custom_branch_policies: boolean } | null;
}

export function toInventoryItem(secret: SecretMetadata, scope: SecretScope, environment?: string): InventoryItem {
  return {
    scope,
    name: secret.name,
    updatedAt: new Date(secret.updated_at),
    ...(environment !== undefined && { environment }),
  };
}

export function toEnvironmentInfo(env: EnvironmentResponse): EnvironmentInfo {
  const rules = env.protection_rules ?? [];
  return {
    name: env.name,
    requiredReviewers: rules.some((rule) => rule.type === 'required_reviewers'),
    branchPolicy: Boolean(env.deployment_branch_policy) || rules.some((rule) => rule.type === 'branch_policy'),
  };
}
