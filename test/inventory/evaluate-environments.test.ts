import { describe, expect, it } from 'vitest';
import { evaluateEnvironments } from '../../src/inventory/evaluate-environments.js';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { env, envSecret, inventory, NOW } from './fixtures.js';

describe('evaluateEnvironments', () => {
  const defaults = parseConfig('');

  it('reports production-like environments with neither reviewers nor a branch policy as errors, as a shared key is', () => {
    const inv = inventory(
      [
        env('development'),
        env('production'),
        env('Prod-EU'),
        env('production-us', { requiredReviewers: true }),
        env('prod-ap', { branchPolicy: true }),
      ],
      [],
    );
    const decisions = evaluateEnvironments(inv, defaults);
    expect(decisions.map((d) => [d.environment, d.level])).toEqual([
      ['production', 'error'],
      ['Prod-EU', 'error'],
    ]);
    expect(decisions[0]!.message).toBe(
      'Environment production looks like production but has no required reviewers and no deployment branch policy: any branch can deploy to it and read its secrets. Limit it to protected branches (Deployment branches and tags) or add required reviewers.',
    );
  });

  it('takes the pattern from production-environments', () => {
    const policy = parseConfig("production-environments: '^(live|customer-)'");
    const inv = inventory([env('production'), env('live'), env('customer-a'), env('staging')], []);
    expect(evaluateEnvironments(inv, policy).map((d) => d.environment)).toEqual(['live', 'customer-a']);
  });
});

describe('evaluateInventory', () => {
  it('gives the key decisions, then the environment ones', () => {
    const policy = parseConfig('keys:\n  - secret: K\n    environments: [production]\n');
    const decisions = evaluateInventory(inventory([env('production')], [envSecret('production', 'K', 1)]), policy, NOW);
    expect(decisions.map((d) => [d.kind, d.status])).toEqual([
      ['key', 'ok'],
      ['environment', 'unprotected'],
    ]);
  });
});
