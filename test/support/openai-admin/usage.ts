import { invalidRequest } from './errors.js';
import type { Store, UsageKind, UsageRecord } from './store.js';

const WIDTHS = {
  '1m': { seconds: 60, limit: 60, max: 1440 },
  '1h': { seconds: 3_600, limit: 24, max: 168 },
  '1d': { seconds: 86_400, limit: 7, max: 31 },
} as const;

const GROUPS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier'] as const;
type Group = (typeof GROUPS)[number];

/** A repeated query parameter in any form a client sends: `a=1&a=2`, `a[]=1&a[]=2` (the SDK's), `a=1,2`. */
export function queryList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)].flatMap((v) => v.split(',')).filter(Boolean);
}

/**
 * `GET /v1/organization/usage/{kind}`: buckets of `bucket_width` (default 1d) from `start_time`
 * (required, aligned down to the width) to `end_time` (default now), `limit` buckets a page (the SDK's
 * defaults and maxima per width), `page` = the previous answer's `next_page`. Every bucket in the window
 * is listed, empty ones with `results: []`. Results are summed per `group_by` combination; fields not
 * grouped by are null.
 */
export function usagePage(store: Store, kind: UsageKind, query: URLSearchParams) {
  const width = WIDTHS[(query.get('bucket_width') ?? '1d') as keyof typeof WIDTHS];
  if (!width) throw invalidRequest(`Invalid 'bucket_width': expected one of 1m, 1h, 1d.`);
  const startTime = integer(query, 'start_time', null);
  const endTime = integer(query, 'end_time', store.nowSeconds());
  if (endTime <= startTime) throw invalidRequest(`'end_time' must be after 'start_time'.`);
  const limit = integer(query, 'limit', width.limit);
  if (limit < 1 || limit > width.max)
    throw invalidRequest(`Invalid 'limit': at most ${width.max} for this bucket_width.`);
  const groups = queryList(query, 'group_by');
  for (const group of groups) {
    if (!(GROUPS as readonly string[]).includes(group)) throw invalidRequest(`Invalid 'group_by' value: ${group}.`);
  }
  const filters = {
    api_key_id: queryList(query, 'api_key_ids'),
    project_id: queryList(query, 'project_ids'),
    user_id: queryList(query, 'user_ids'),
    model: queryList(query, 'models'),
  };
  const page = query.get('page');
  let bucketStart = page === null ? Math.floor(startTime / width.seconds) * width.seconds : pageStart(page);
  const data = [];
  while (bucketStart < endTime && data.length < limit) {
    const bucketEnd = bucketStart + width.seconds;
    const records = store.usage.filter(
      (r) =>
        r.kind === kind &&
        r.at >= Math.max(bucketStart, startTime) &&
        r.at < Math.min(bucketEnd, endTime) &&
        Object.entries(filters).every(
          ([field, allowed]) => allowed.length === 0 || allowed.includes(fieldOf(r, field as Group) as string),
        ),
    );
    data.push({
      object: 'bucket',
      start_time: bucketStart,
      end_time: bucketEnd,
      results: summarise(kind, records, groups as Group[]),
    });
    bucketStart = bucketEnd;
  }
  const hasMore = bucketStart < endTime;
  return {
    object: 'page',
    data,
    has_more: hasMore,
    next_page: hasMore ? `page_${Buffer.from(String(bucketStart)).toString('base64url')}` : null,
  };
}

function integer(query: URLSearchParams, name: string, fallback: number | null): number {
  const text = query.get(name);
  if (text === null) {
    if (fallback === null) throw invalidRequest(`Missing required parameter: '${name}'.`);
    return fallback;
  }
  const value = Number(text);
  if (!Number.isInteger(value)) throw invalidRequest(`Invalid '${name}': expected an integer.`);
  return value;
}

function pageStart(page: string): number {
  const value = Number(Buffer.from(page.replace(/^page_/, ''), 'base64url').toString());
  if (!page.startsWith('page_') || !Number.isInteger(value)) throw invalidRequest(`Invalid 'page' cursor.`);
  return value;
}

function fieldOf(record: UsageRecord, group: Group): string | boolean | null {
  if (group === 'api_key_id') return record.keyId;
  if (group === 'project_id') return record.projectId;
  if (group === 'user_id') return record.userId;
  if (group === 'model') return record.model;
  if (group === 'batch') return false;
  return 'default';
}

function summarise(kind: UsageKind, records: UsageRecord[], groups: Group[]) {
  const sums = new Map<
    string,
    { sample: UsageRecord; requests: number; input: number; output: number; units: number }
  >();
  for (const record of records) {
    const id = JSON.stringify(groups.map((g) => fieldOf(record, g)));
    const sum = sums.get(id) ?? { sample: record, requests: 0, input: 0, output: 0, units: 0 };
    sum.requests += record.requests;
    sum.input += record.inputTokens;
    sum.output += record.outputTokens;
    sum.units += record.units;
    sums.set(id, sum);
  }
  return [...sums.values()].map((sum) => {
    const grouped = (group: Group) => (groups.includes(group) ? fieldOf(sum.sample, group) : null);
    const common = {
      object: `organization.usage.${kind}.result`,
      num_model_requests: sum.requests,
      project_id: grouped('project_id'),
      user_id: grouped('user_id'),
      api_key_id: grouped('api_key_id'),
      model: grouped('model'),
    };
    if (kind === 'completions') {
      return {
        ...common,
        input_tokens: sum.input,
        output_tokens: sum.output,
        input_cached_tokens: 0,
        input_audio_tokens: 0,
        output_audio_tokens: 0,
        batch: grouped('batch'),
        service_tier: grouped('service_tier'),
      };
    }
    if (kind === 'embeddings' || kind === 'moderations') return { ...common, input_tokens: sum.input };
    if (kind === 'images') return { ...common, images: sum.units, size: null, source: null };
    if (kind === 'audio_speeches') return { ...common, characters: sum.units };
    return { ...common, seconds: sum.units };
  });
}
