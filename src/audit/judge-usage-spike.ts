import type { AuditPolicy, UsageBucket } from './provider-admin.js';
import { describeNumber, plural } from './describe-time.js';
import type { Judge } from './judge-context.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** How far back `runAudit` asks for usage: the trailing week before the last day, and that day. */
export const USAGE_LOOKBACK_MS = WEEK + DAY;

interface Use {
  requests: number;
  tokens: number;
}

/** One window compared with the key's own history: the last hour, or the last day. */
interface Comparison {
  window: 'hour' | 'day';
  current: Use;
  /** The key's mean use per window over its trailing week. */
  baseline: Use;
}

/**
 * Usage spike: the key's last hour (or last day) of requests or tokens is more than `factor` times its
 * own mean per hour (per day) over the week before that window, and at least the floor (`min-requests`
 * or `min-tokens` in the hour, 24 times that in the day) — the sudden jump a leaked key shows first.
 * A key idle all week has a mean of 0, so any use above the floor counts. The week is counted from the
 * key's creation when it is younger, and a key with less than a day of history before the window has
 * no baseline of its own: it is not judged (a new key going to work is not a spike).
 */
export const judgeUsageSpike: Judge = (key, { policy, now, usage }) => {
  if (!usage) return undefined;
  const buckets = usage.byKey.get(key.id) ?? [];
  const spikes = (['hour', 'day'] as const)
    .map((window) => compare(buckets, window, Date.parse(key.createdAt), now.getTime()))
    .filter((c): c is Comparison => c !== undefined && isSpike(c, policy));
  if (spikes.length === 0) return undefined;
  const said = spikes.map(describeComparison).join('; ');
  return `${said[0]!.toUpperCase()}${said.slice(1)}: check the provider's usage page for calls you did not make, and if they are not yours rotate the key now.`;
};

function compare(buckets: UsageBucket[], window: Comparison['window'], createdAt: number, now: number) {
  const length = window === 'hour' ? HOUR : DAY;
  const windowStart = now - length;
  const historyStart = Math.max(windowStart - WEEK, Number.isNaN(createdAt) ? -Infinity : createdAt);
  const history = windowStart - historyStart;
  if (!(history >= DAY)) return undefined;
  const current = sum(buckets, windowStart, Infinity);
  const total = sum(buckets, historyStart, windowStart);
  const scale = length / history;
  return { window, current, baseline: { requests: total.requests * scale, tokens: total.tokens * scale } };
}

/**
 * The use of the buckets that end in (from, to]. Buckets are whole hours and `now` rarely is: the hour
 * in progress and the one that ended less than an hour ago both count as the last hour, so a burst
 * twenty minutes ago is never split off into the baseline, and no bucket counts twice.
 */
function sum(buckets: UsageBucket[], from: number, to: number): Use {
  const use = { requests: 0, tokens: 0 };
  for (const b of buckets) {
    const end = Date.parse(b.end);
    if (end > from && end <= to) {
      use.requests += b.requests;
      use.tokens += b.tokens;
    }
  }
  return use;
}

function isSpike({ window, current, baseline }: Comparison, policy: AuditPolicy): boolean {
  const floors = window === 'hour' ? 1 : 24;
  const { factor, minRequests, minTokens } = policy.spike;
  const above = (now: number, usual: number, floor: number) => now >= floor * floors && now > factor * usual;
  return above(current.requests, baseline.requests, minRequests) || above(current.tokens, baseline.tokens, minTokens);
}

function describeComparison({ window, current, baseline }: Comparison): string {
  const times = (now: number, usual: number) => (usual > 0 ? ` (${describeNumber(now / usual)}×)` : '');
  const per = window === 'hour' ? 'an hour' : 'a day';
  const tokens = `${plural(current.tokens, 'token')}${times(current.tokens, baseline.tokens)}`;
  // A provider that counts no requests (Anthropic's usage report has none) is judged on tokens alone.
  if (current.requests === 0 && baseline.requests === 0)
    return `in the last ${window} it used ${tokens}, against a trailing-week mean of ${describeNumber(baseline.tokens)} tokens ${per}`;
  return (
    `in the last ${window} it made ${plural(current.requests, 'request')}${times(current.requests, baseline.requests)} ` +
    `and used ${tokens}, ` +
    `against a trailing-week mean of ${describeNumber(baseline.requests)} requests and ${describeNumber(baseline.tokens)} tokens ${per}`
  );
}
