import type { KeyUsage, ProviderKey, UsageBucket } from '../../src/audit/provider-admin.js';

export const NOW = new Date('2026-12-03T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const daysAgo = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();
export const hoursAgo = (hours: number): string => new Date(NOW.getTime() - hours * HOUR).toISOString();

const MAIN = { id: 'proj_main', name: 'Main' };

/** A healthy active project key; each test changes what it needs. */
export function projectKey(id: string, fields: Partial<ProviderKey> = {}): ProviderKey {
  return {
    provider: 'openai',
    id,
    name: `${id}-name`,
    redacted: 'sk-proj-abc...wxyz',
    kind: 'project',
    project: MAIN,
    owner: { type: 'user', id: `user_${id}`, name: 'Alice', email: 'alice@example.com', hasAccess: true },
    createdAt: daysAgo(10),
    lastUsedAt: hoursAgo(1),
    expiresAt: null,
    status: 'active',
    ...fields,
  };
}

export function adminKey(id: string, fields: Partial<ProviderKey> = {}): ProviderKey {
  return projectKey(id, { kind: 'admin', project: null, expiresAt: daysAgo(-20), ...fields });
}

/**
 * Hourly buckets for the 8 days before NOW: `week` requests (and 100× tokens) in every hour before the
 * last one, `lastHour` in the last.
 */
export function hourly(week: number, lastHour: number): UsageBucket[] {
  const buckets: UsageBucket[] = [];
  for (let h = 8 * 24; h >= 1; h--) {
    const requests = h === 1 ? lastHour : week;
    if (requests === 0) continue;
    buckets.push({ start: hoursAgo(h), end: hoursAgo(h - 1), requests, tokens: requests * 100 });
  }
  return buckets;
}

export function usageOf(byKey: Record<string, UsageBucket[]>): KeyUsage {
  return { byKey: new Map(Object.entries(byKey)), from: daysAgo(8), to: NOW.toISOString() };
}
