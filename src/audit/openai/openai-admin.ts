import { type AdminClientOptions, type ProviderAdmin, type ProviderKey } from '../provider-admin.js';
import { listAllPages } from './list-all-pages.js';
import { readOpenAiUsage } from './openai-usage.js';
import { createOpenAiRequest, type OpenAiRequest } from './openai-request.js';
import { revokeOpenAiKey } from './revoke-openai-key.js';
import { adminKeyToProviderKey, isUsableId, projectKeyToProviderKey, text } from './to-provider-key.js';

const PUBLIC_API = 'https://api.openai.com/v1';

/** The shared options, and what only tests and the App set. */
export interface OpenAiAdminOptions extends AdminClientOptions {
  /** The variable the admin key came from, for messages; default `OPENAI_ADMIN_KEY` (the App passes its own). */
  keyVariable?: string;
  /** Milliseconds one request may take, body included; default 30 s. */
  timeoutMs?: number;
  /** Bytes one answer may hold; default 16 MiB. */
  maxBodyBytes?: number;
  /** Attempts per request on 429 and 5xx; default 3. */
  attempts?: number;
  /** How a retry waits (tests pass one that records the wait). */
  sleep?: (ms: number) => Promise<void>;
  /** The time now, to tell an expired key; default the real time. */
  now?: () => Date;
}

/**
 * OpenAI's Administration API, read with an admin key (`sk-admin-…`) over the caller's `fetch`.
 *
 * Projects: only the ones that are not archived. OpenAI says archived projects "cannot be used or
 * updated" (the SDK's `projects.archive`): their keys no longer work and cannot be deleted, so listing
 * them would report problems nobody can act on. Keys: every key of each project with
 * `owner_project_access=any` (without it the API leaves out keys whose owner lost access — exactly the
 * orphaned ones), and the organisation's admin keys.
 */
export function createOpenAiAdmin(options: OpenAiAdminOptions): ProviderAdmin {
  const keyVariable = options.keyVariable ?? 'OPENAI_ADMIN_KEY';
  const request = createOpenAiRequest({
    adminKey: options.adminKey,
    baseUrl: (options.baseUrl || PUBLIC_API).replace(/\/+$/, ''),
    fetch: options.fetch,
    keyVariable,
    maxRetryWait: options.maxRetryWait ?? 60,
    attempts: options.attempts ?? 3,
    timeoutMs: options.timeoutMs ?? 30_000,
    maxBodyBytes: options.maxBodyBytes ?? 16 * 1024 * 1024,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  const now = options.now ?? (() => new Date());
  return {
    provider: 'openai',
    listKeys: () => listKeys(request, now()),
    usage: (from, to) => readOpenAiUsage(request, from, to),
    revoke: (key) => revokeOpenAiKey(request, key, keyVariable),
  };
}

async function listKeys(request: OpenAiRequest, now: Date): Promise<ProviderKey[]> {
  const keys: ProviderKey[] = [];
  const seen = new Set<string>();
  for (const raw of await listAllPages(request, '/organization/projects')) {
    if (!isUsableId(raw.id)) throw request.malformed('GET /organization/projects', 'a project without a usable id');
    // Archived projects are not asked for; one listed anyway is left out all the same (and each project once).
    if (raw.status === 'archived' || typeof raw.archived_at === 'number' || seen.has(raw.id)) continue;
    seen.add(raw.id);
    const project = { id: raw.id, name: text(raw.name) || raw.id };
    const path = `/organization/projects/${project.id}/api_keys`;
    const malformed = (problem: string) => request.malformed(`GET ${path}`, problem);
    for (const key of await listAllPages(request, path, { owner_project_access: 'any' })) {
      keys.push(projectKeyToProviderKey(key, { project, now, malformed }));
    }
  }
  const adminPath = '/organization/admin_api_keys';
  const malformed = (problem: string) => request.malformed(`GET ${adminPath}`, problem);
  for (const key of await listAllPages(request, adminPath)) {
    keys.push(adminKeyToProviderKey(key, { project: null, now, malformed }));
  }
  return keys;
}
