import { rowTokens, type UsageRowInBucket } from './read-usage-report.js';

/**
 * When each key was last used, from usage report rows: the end of the latest bucket with any tokens
 * (never later than `now`). Anthropic records no last use; a bucket only says "some time in this day",
 * and its end is the latest that could be, so a key is never called unused a bucket too early.
 */
export function lastUsedByKey(rows: readonly UsageRowInBucket[], now: Date): Map<string, string> {
  const latest = new Map<string, number>();
  for (const { end, row } of rows) {
    if (!row.api_key_id || rowTokens(row) === 0) continue;
    const at = Math.min(Date.parse(end), now.getTime());
    if (at > (latest.get(row.api_key_id) ?? -Infinity)) latest.set(row.api_key_id, at);
  }
  return new Map([...latest].map(([id, at]) => [id, new Date(at).toISOString()]));
}
