import { ApiError } from './http.js';
import { bucketTime } from './shapes.js';
import type { UsageRecord } from './state.js';

/**
 * `GET /v1/organizations/usage_report/messages` (docs: Admin API, Usage and Cost, "Get Messages Usage
 * Report"; not in `@anthropic-ai/sdk` v1, whose `analytics.usageReport` is the Claude Enterprise report at
 * `/v1/organizations/analytics/usage_report`). Buckets snapped to the start of the minute, hour or day
 * in UTC; every bucket of the window is listed, an idle one with `results: []`.
 */
const WIDTHS = {
  '1m': { ms: 60_000, defaultLimit: 60, maxLimit: 1440 },
  '1h': { ms: 3_600_000, defaultLimit: 24, maxLimit: 168 },
  '1d': { ms: 86_400_000, defaultLimit: 7, maxLimit: 31 },
} as const;

const GROUPS = ['api_key_id', 'workspace_id', 'model'] as const;
type Group = (typeof GROUPS)[number];
const KNOWN_GROUPS = new Set([
  ...GROUPS,
  'service_tier',
  'context_window',
  'inference_geo',
  'speed',
  'account_id',
  'service_account_id',
]);

/** `name[]=a&name[]=b` or `name=a&name=b`: both forms are read. */
function list(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)];
}

function time(query: URLSearchParams, name: string, required: boolean): number | null {
  const raw = query.get(name);
  if (raw === null) {
    if (required) throw new ApiError(400, `${name}: Field required`);
    return null;
  }
  const ms = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(ms))
    throw new ApiError(400, `${name}: Input should be a valid datetime`);
  return ms;
}

function pageStart(token: string | null): number | null {
  if (token === null) return null;
  const match = /^page_([A-Za-z0-9+/=]+)$/.exec(token);
  const ms = match ? Date.parse(Buffer.from(match[1]!, 'base64').toString('utf8')) : NaN;
  if (Number.isNaN(ms)) throw new ApiError(400, 'page: Invalid page token');
  return ms;
}

export function usageReport(records: readonly UsageRecord[], query: URLSearchParams, now: Date) {
  const widthName = query.get('bucket_width') ?? '1d';
  if (!Object.hasOwn(WIDTHS, widthName)) throw new ApiError(400, "bucket_width: Input should be '1d', '1h' or '1m'");
  const width = WIDTHS[widthName as keyof typeof WIDTHS];
  const limitRaw = query.get('limit');
  const limit = limitRaw === null ? width.defaultLimit : Number(limitRaw);
  if (!Number.isInteger(limit) || limit < 1 || limit > width.maxLimit) {
    throw new ApiError(400, `limit: Input should be between 1 and ${width.maxLimit} for bucket_width ${widthName}`);
  }
  const groups = list(query, 'group_by');
  for (const group of groups)
    if (!KNOWN_GROUPS.has(group)) throw new ApiError(400, `group_by: Invalid value '${group.slice(0, 40)}'`);
  const startingAt = time(query, 'starting_at', true)!;
  const end = time(query, 'ending_at', false) ?? now.getTime();
  if (end <= startingAt) throw new ApiError(400, 'ending_at must be after starting_at');
  const first = Math.floor(startingAt / width.ms) * width.ms;
  const from = Math.max(first, pageStart(query.get('page')) ?? first);
  const keyIds = new Set(list(query, 'api_key_ids'));
  const workspaceIds = new Set(list(query, 'workspace_ids'));
  const models = new Set(list(query, 'models'));
  const matches = (r: UsageRecord) =>
    (!keyIds.size || (r.keyId !== null && keyIds.has(r.keyId))) &&
    (!workspaceIds.size || (r.workspaceId !== null && workspaceIds.has(r.workspaceId))) &&
    (!models.size || models.has(r.model));

  const data = [];
  let start = from;
  for (; start < end && data.length < limit; start += width.ms) {
    const inBucket = records.filter((r) => r.at.getTime() >= start && r.at.getTime() < start + width.ms && matches(r));
    data.push({
      starting_at: bucketTime(new Date(start)),
      ending_at: bucketTime(new Date(start + width.ms)),
      results: rows(
        inBucket,
        groups.filter((g): g is Group => (GROUPS as readonly string[]).includes(g)),
      ),
    });
  }
  const hasMore = start < end;
  return {
    data,
    has_more: hasMore,
    next_page: hasMore ? `page_${Buffer.from(bucketTime(new Date(start))).toString('base64')}` : null,
  };
}

function rows(records: UsageRecord[], groups: Group[]) {
  const byGroup = new Map<string, UsageRecord[]>();
  for (const r of records) {
    const id = JSON.stringify(
      groups.map((g) => (g === 'api_key_id' ? r.keyId : g === 'workspace_id' ? r.workspaceId : r.model)),
    );
    byGroup.set(id, [...(byGroup.get(id) ?? []), r]);
  }
  return [...byGroup.values()].map((rs) => {
    const sum = (f: (r: UsageRecord) => number) => rs.reduce((n, r) => n + f(r), 0);
    const first = rs[0]!;
    return {
      uncached_input_tokens: sum((r) => r.inputTokens),
      cache_creation: {
        ephemeral_1h_input_tokens: sum((r) => r.cacheCreation1hTokens),
        ephemeral_5m_input_tokens: sum((r) => r.cacheCreation5mTokens),
      },
      cache_read_input_tokens: sum((r) => r.cacheReadTokens),
      output_tokens: sum((r) => r.outputTokens),
      server_tool_use: { web_search_requests: 0 },
      api_key_id: groups.includes('api_key_id') ? first.keyId : null,
      workspace_id: groups.includes('workspace_id') ? first.workspaceId : null,
      model: groups.includes('model') ? first.model : null,
      service_tier: null,
      context_window: null,
      inference_geo: null,
    };
  });
}
