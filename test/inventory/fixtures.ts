import type { EnvironmentInfo, Inventory, InventoryItem } from '../../src/inventory/inventory.js';

export const DAY = 86_400_000;
export const NOW = new Date('2026-06-01T12:00:00Z');
export const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * DAY);

export const env = (name: string, gates: Partial<Omit<EnvironmentInfo, 'name'>> = {}): EnvironmentInfo => ({
  name,
  requiredReviewers: false,
  branchPolicy: false,
  ...gates,
});

export const envSecret = (environment: string, name: string, days: number): InventoryItem => ({
  scope: 'environment',
  environment,
  name,
  updatedAt: daysAgo(days),
});
export const repoSecret = (name: string, days: number): InventoryItem => ({
  scope: 'repo',
  name,
  updatedAt: daysAgo(days),
});
export const orgSecret = (name: string, days: number): InventoryItem => ({
  scope: 'org',
  name,
  updatedAt: daysAgo(days),
});

export const inventory = (environments: EnvironmentInfo[], secrets: InventoryItem[]): Inventory => ({
  repository: 'acme/app',
  environments,
  secrets,
});
export const dependabotSecret = (name: string, days: number): InventoryItem => ({
  scope: 'dependabot',
  name,
  updatedAt: daysAgo(days),
});
