import type { OpenAiRequest } from './openai-request.js';

/** At most this many pages of one list (100 items each): a cursor that never ends is an error, not a hang. */
export const MAX_PAGES = 1_000;

/**
 * Every item of a cursor list (`{ object: 'list', data, has_more, last_id }`), 100 a page, each next page
 * `after` the previous page's `last_id` (or its last item's id, as the SDK's CursorPage does). A cursor
 * that repeats, a `has_more` with no cursor, or more than `maxPages` pages is an error naming the path.
 */
export async function listAllPages(
  request: OpenAiRequest,
  path: string,
  query: Record<string, string> = {},
  maxPages = MAX_PAGES,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    if (page > maxPages) throw request.malformed(`GET ${path}`, `more than ${maxPages} pages`);
    const params = new URLSearchParams({ ...query, limit: '100', ...(after === null ? {} : { after }) });
    const body = await request.call('GET', path, params);
    const data = isObject(body) && Array.isArray(body.data) ? body.data : null;
    if (!isObject(body) || data === null) throw request.malformed(`GET ${path}`, 'an answer that is not a list');
    items.push(...data.filter(isObject));
    if (body.has_more !== true) return items;
    const last = data.at(-1);
    const cursor = typeof body.last_id === 'string' && body.last_id ? body.last_id : isObject(last) ? last.id : null;
    if (typeof cursor !== 'string' || cursor === '')
      throw request.malformed(`GET ${path}`, 'has_more without a cursor');
    if (seen.has(cursor)) throw request.malformed(`GET ${path}`, 'a cursor that does not advance');
    seen.add(cursor);
    after = cursor;
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
