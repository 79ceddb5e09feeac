import type { AdminRequest } from './admin-request.js';
import { usagePageSchema, type UsagePage, type UsageRow } from './admin-schemas.js';
import { parseAnswer } from './list-all.js';

const PATH = '/v1/organizations/usage_report/messages';

/** Bucket widths the report takes, with the most buckets one page may hold (docs: `limit`). */
const WIDTHS = { '1h': { ms: 3_600_000, maxLimit: 168 }, '1d': { ms: 86_400_000, maxLimit: 31 } } as const;

export interface UsageRowInBucket {
  /** ISO 8601 bucket edges, as the report gives them. */
  start: string;
  end: string;
  row: UsageRow;
}

/** Input tokens of every kind (uncached, cache reads, cache writes) plus output tokens. */
export function rowTokens(row: UsageRow): number {
  return (
    (row.uncached_input_tokens ?? 0) +
    (row.cache_read_input_tokens ?? 0) +
    (row.cache_creation?.ephemeral_1h_input_tokens ?? 0) +
    (row.cache_creation?.ephemeral_5m_input_tokens ?? 0) +
    (row.output_tokens ?? 0)
  );
}

/**
 * Every row of `GET /v1/organizations/usage_report/messages` grouped by `api_key_id` between `from` and `to`
 * (ISO 8601), following `next_page`. The pages a window can need are known from its length, so a server
 * that keeps saying `has_more`, or repeats a page token, is cut off with an error.
 */
export async function readUsageReport(
  http: AdminRequest,
  window: { from: string; to: string; width: keyof typeof WIDTHS },
): Promise<UsageRowInBucket[]> {
  const width = WIDTHS[window.width];
  const span = Date.parse(window.to) - Date.parse(window.from);
  if (!(span > 0)) throw http.fail(`a usage window must run forwards, from one ISO 8601 time to a later one`);
  const buckets = Math.ceil(span / width.ms) + 1;
  const maxPages = Math.ceil(buckets / width.maxLimit) + 1;
  const what = `GET ${PATH}`;
  const rows: UsageRowInBucket[] = [];
  const tokens = new Set<string>();
  let page: string | null = null;
  for (let n = 1; ; n += 1) {
    if (n > maxPages) throw http.fail(`${what} had more pages than a ${window.width} report of this window can have`);
    const query = new URLSearchParams({
      starting_at: window.from,
      ending_at: window.to,
      bucket_width: window.width,
      'group_by[]': 'api_key_id',
      limit: String(width.maxLimit),
      ...(page !== null && { page }),
    });
    const answer: UsagePage = parseAnswer(http, usagePageSchema, await http.call('GET', PATH, { query }), what);
    for (const bucket of answer.data) {
      for (const row of bucket.results) rows.push({ start: bucket.starting_at, end: bucket.ending_at, row });
    }
    if (!answer.has_more) return rows;
    const next = answer.next_page ?? null;
    if (next === null || tokens.has(next)) throw http.fail(`${what} said it had more but gave no new page token`);
    tokens.add(next);
    page = next;
  }
}
