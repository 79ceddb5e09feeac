import type { AdminClientOptions, KeyUsage, ProviderAdmin, ProviderKey, UsageBucket } from '../provider-admin.js';
import { createAdminRequest, type AdminRequest } from './admin-request.js';
import { apiKeySchema, userSchema, workspaceSchema } from './admin-schemas.js';
import { lastUsedByKey } from './last-used-by-key.js';
import { listAll, parseAnswer } from './list-all.js';
import { readUsageReport, rowTokens } from './read-usage-report.js';
import { toProviderKey } from './to-provider-key.js';

/**
 * How far back last use is looked for. The API records no last use, so it is read from the usage report
 * (daily buckets, 31 a page: three pages); a key not used in this window has `lastUsedAt: null` and
 * `lastUsedKnownSince` its start.
 */
export const LAST_USED_LOOKBACK_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Anthropic's Admin API (`x-api-key: <admin key>`), read with the caller's `fetch`. Lists every API key of
 * the organisation, any status; admin keys are not listed, for the API has no endpoint that lists them.
 */
export function createAnthropicAdmin(options: AdminClientOptions): ProviderAdmin {
  const http = createAdminRequest(options);
  const now = options.now ?? (() => new Date());
  return {
    provider: 'anthropic',
    listKeys: () => listKeys(http, now()),
    usage: (from, to) => usage(http, from, to),
    revoke: (key) => revoke(http, key),
  };
}

async function listKeys(http: AdminRequest, now: Date): Promise<ProviderKey[]> {
  const since = new Date(
    Math.floor((now.getTime() - LAST_USED_LOOKBACK_DAYS * DAY_MS) / DAY_MS) * DAY_MS,
  ).toISOString();
  // One after another: the first refusal is always the same one, and the API's rate limit is spared.
  const keys = await listAll(http, '/v1/organizations/api_keys', apiKeySchema, { pageSize: 1000 });
  const users = await listAll(http, '/v1/organizations/users', userSchema, { pageSize: 100 });
  const workspaces = await listAll(http, '/v1/organizations/workspaces', workspaceSchema, {
    pageSize: 100,
    query: { include_archived: 'true', include_default: 'true' },
  });
  const rows = await readUsageReport(http, { from: since, to: now.toISOString(), width: '1d' });
  const directory = {
    members: new Map(users.map((u) => [u.id, u])),
    workspaces: new Map(workspaces.map((w) => [w.id, w])),
  };
  const lastUsed = lastUsedByKey(rows, now);
  return keys.map((key) => ({
    ...toProviderKey(key, directory),
    lastUsedAt: lastUsed.get(key.id) ?? null,
    lastUsedKnownSince: since,
  }));
}

/**
 * Hourly tokens per key. The report counts no requests, so `requests` is 0 in every bucket: a spike
 * shows in `tokens` only.
 */
async function usage(http: AdminRequest, from: string, to: string): Promise<KeyUsage> {
  const rows = await readUsageReport(http, { from, to, width: '1h' });
  const byKey = new Map<string, Map<string, UsageBucket>>();
  for (const { start, end, row } of rows) {
    const tokens = rowTokens(row);
    if (!row.api_key_id || tokens === 0) continue;
    const buckets = byKey.get(row.api_key_id) ?? new Map<string, UsageBucket>();
    const startIso = new Date(start).toISOString();
    const bucket = buckets.get(startIso) ?? {
      start: startIso,
      end: new Date(end).toISOString(),
      requests: 0,
      tokens: 0,
    };
    bucket.tokens += tokens;
    buckets.set(startIso, bucket);
    byKey.set(row.api_key_id, buckets);
  }
  const sorted = new Map(
    [...byKey].map(([id, buckets]) => [id, [...buckets.values()].sort((a, b) => a.start.localeCompare(b.start))]),
  );
  return { byKey: sorted, from, to };
}

/** `POST /v1/organizations/api_keys/{id}` with `status: inactive`; the answer must say it took. */
async function revoke(http: AdminRequest, key: ProviderKey): Promise<void> {
  if (key.provider !== 'anthropic' || key.kind !== 'project') {
    throw http.fail(
      `only an Anthropic API key can be revoked through the Admin API, not ${key.provider} ${key.kind} key ${key.id}`,
    );
  }
  const path = `/v1/organizations/api_keys/${encodeURIComponent(key.id)}`;
  const answer = parseAnswer(
    http,
    apiKeySchema,
    await http.call('POST', path, { body: { status: 'inactive' } }),
    `POST ${path}`,
  );
  if (answer.status !== 'inactive') throw http.fail(`POST ${path} left the key ${answer.status}`);
}
