import { AdminApiError, type KeyUsage, type UsageBucket } from '../provider-admin.js';
import { isObject } from './list-all-pages.js';
import type { OpenAiRequest } from './openai-request.js';

/**
 * The usage endpoints whose results carry `api_key_id` and count model requests (the SDK's
 * `client.admin.organization.usage.*`). Completions must answer (a spike shows there first); the others
 * may be absent from a stand-in (404 = no use of that kind). File-search and web-search calls are tool
 * calls made within completions, so they are not counted again.
 */
const ENDPOINTS = [
  { kind: 'completions', required: true },
  { kind: 'embeddings', required: false },
  { kind: 'moderations', required: false },
  { kind: 'images', required: false },
  { kind: 'audio_speeches', required: false },
  { kind: 'audio_transcriptions', required: false },
] as const;

/** Hourly buckets: 168 a page (the API's maximum for `1h`), so a week is one page per endpoint. */
const HOURLY_PAGE = 168;
const MAX_PAGES = 200;

/**
 * Requests and tokens per key id and hour between `from` and `to`, summed over every usage endpoint
 * (`group_by=api_key_id`, `bucket_width=1h`, following `next_page`). A key with no use has no entry;
 * results without a key id (use not made with an API key) are left out.
 */
export async function readOpenAiUsage(request: OpenAiRequest, from: string, to: string): Promise<KeyUsage> {
  const start = Math.floor(Date.parse(from) / 1000);
  const end = Math.ceil(Date.parse(to) / 1000);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw request.malformed('usage', `no window: ${JSON.stringify(from)} to ${JSON.stringify(to)}`);
  }
  const sums = new Map<string, Map<number, { end: number; requests: number; tokens: number }>>();
  for (const endpoint of ENDPOINTS) {
    const path = `/organization/usage/${endpoint.kind}`;
    for await (const bucket of buckets(request, path, start, end, endpoint.required)) {
      for (const result of bucket.results) {
        if (!isObject(result) || typeof result.api_key_id !== 'string' || result.api_key_id === '') continue;
        const byStart =
          sums.get(result.api_key_id) ?? new Map<number, { end: number; requests: number; tokens: number }>();
        const sum = byStart.get(bucket.start) ?? { end: bucket.end, requests: 0, tokens: 0 };
        sum.requests += count(result.num_model_requests);
        sum.tokens += count(result.input_tokens) + count(result.output_tokens);
        byStart.set(bucket.start, sum);
        sums.set(result.api_key_id, byStart);
      }
    }
  }
  const byKey = new Map<string, UsageBucket[]>();
  for (const [keyId, byStart] of sums) {
    const ordered = [...byStart].sort(([a], [b]) => a - b);
    byKey.set(
      keyId,
      ordered.map(([bucketStart, sum]) => ({
        start: iso(bucketStart),
        end: iso(sum.end),
        requests: sum.requests,
        tokens: sum.tokens,
      })),
    );
  }
  return { byKey, from, to };
}

interface Bucket {
  start: number;
  end: number;
  results: unknown[];
}

async function* buckets(
  request: OpenAiRequest,
  path: string,
  start: number,
  end: number,
  required: boolean,
): AsyncGenerator<Bucket> {
  const seen = new Set<string>();
  let page: string | null = null;
  for (let n = 1; ; n += 1) {
    if (n > MAX_PAGES) throw request.malformed(`GET ${path}`, `more than ${MAX_PAGES} pages`);
    const query = new URLSearchParams({
      start_time: String(start),
      end_time: String(end),
      bucket_width: '1h',
      limit: String(HOURLY_PAGE),
    });
    // The plain form, as OpenAI's curl examples write query arrays (`group_by=model`, repeated for more
    // fields), which any stand-in reads; the SDK's qs encoding sends `group_by[]=` (the emulator reads both).
    query.append('group_by', 'api_key_id');
    if (page !== null) query.set('page', page);
    const body = await request.call('GET', path, query).catch((error: unknown) => {
      if (!required && isStatus(error, 404)) return null;
      throw error;
    });
    if (body === null) return;
    if (!isObject(body) || !Array.isArray(body.data))
      throw request.malformed(`GET ${path}`, 'an answer that is not a page');
    for (const bucket of body.data) {
      if (!isObject(bucket) || !isTime(bucket.start_time) || !isTime(bucket.end_time)) continue;
      yield {
        start: bucket.start_time,
        end: bucket.end_time,
        results: Array.isArray(bucket.results) ? bucket.results : [],
      };
    }
    if (body.has_more !== true) return;
    if (typeof body.next_page !== 'string' || body.next_page === '')
      throw request.malformed(`GET ${path}`, 'has_more without next_page');
    if (seen.has(body.next_page)) throw request.malformed(`GET ${path}`, 'a next_page that does not advance');
    seen.add(body.next_page);
    page = body.next_page;
  }
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof AdminApiError && error.status === status;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1e11;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function iso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
