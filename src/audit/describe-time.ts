const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** `412 days`, `36 hours`, `1 day`: an age or a policy's duration as a sentence says it. */
export function describeDuration(ms: number): string {
  if (ms >= 2 * DAY || (ms >= DAY && ms % DAY === 0)) return plural(Math.floor(ms / DAY), 'day');
  return plural(Math.max(0, Math.floor(ms / HOUR)), 'hour');
}

/**
 * `2026-10-17`: the day of an ISO 8601 time, as the reports show dates; `—` for null. Re-made from
 * the parsed time, so whatever else a provider's field holds never reaches a report.
 */
export function dayOf(iso: string | null): string {
  if (iso === null) return '—';
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '(not a date)' : new Date(time).toISOString().slice(0, 10);
}

/** `4,200`, `3.5`, `0.04`: a count or a mean, grouped and rounded for a sentence. */
export function describeNumber(n: number): string {
  if (Number.isInteger(n) || n >= 10) return Math.round(n).toLocaleString('en-US');
  return n >= 1 ? n.toFixed(1) : n.toPrecision(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
