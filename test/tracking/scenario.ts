import { expect } from 'vitest';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import type { Inventory, InventoryItem } from '../../src/inventory/inventory.js';
import type { Config } from '../../src/policy/config-schema.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { PlanInput } from '../../src/tracking/key-issues/plan-context.js';
import { planIssues, type IssuePlan } from '../../src/tracking/key-issues/plan-issues.js';
import { BOT, FakeIssues } from './fake-issues.js';

export const DAY = 86_400_000;
export const at = (iso: string): Date => new Date(`${iso}T12:00:00Z`);

export const policy: Config = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [production]
    rotate-every: 90d
    remind-before: 14d
    owners: ['@acme/ml-platform']
escalate-after: 14d
escalate-to: ['@acme/security']
approvers: [carol]
max-snooze: 30d
`);

/** One repository whose `production` environment holds OPENAI_API_KEY, last rotated at `updatedAt`. */
export function inventoryWith(secrets: InventoryItem[]): Inventory {
  return {
    repository: 'acme/app',
    environments: [{ name: 'production', requiredReviewers: true, branchPolicy: false }],
    secrets,
  };
}

export const prodKey = (updatedAt: string): InventoryItem => ({
  scope: 'environment',
  environment: 'production',
  name: 'OPENAI_API_KEY',
  updatedAt: new Date(updatedAt),
});

/** A repository, its issues and a sweep that plans, applies, and checks that planning again adds nothing. */
export class Repo {
  readonly issues = new FakeIssues();
  constructor(
    public inventory: Inventory,
    public config: Config = policy,
    public extra: Partial<PlanInput> = {},
  ) {}

  input(now: Date): PlanInput {
    return {
      repository: 'acme/app',
      decisions: evaluateInventory(this.inventory, this.config, now),
      policy: this.config,
      issues: this.issues.issues,
      botLogin: BOT,
      now,
      ...this.extra,
    };
  }

  plan(now: Date): IssuePlan {
    return planIssues(this.input(now));
  }

  /** One sweep at `now`: the actions it took. A second sweep at the same time must do nothing. */
  sweep(now: Date): IssueAction[] {
    const { actions } = this.plan(now);
    this.issues.apply(actions, now);
    expect(this.plan(now).actions, 'a second sweep with the same inputs plans nothing').toEqual([]);
    return actions;
  }
}

export const types = (actions: readonly IssueAction[]): string[] => actions.map((a) => a.type);
