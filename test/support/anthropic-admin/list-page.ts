import { ApiError } from './http.js';

/** `limit` of the Admin API's lists: default 20, 1 to 1000 (docs: List API Keys). */
export function readLimit(query: URLSearchParams, fallback = 20, max = 1000): number {
  const raw = query.get('limit');
  if (raw === null) return fallback;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new ApiError(400, `limit: Input should be between 1 and ${max}`);
  }
  return limit;
}

/**
 * One page of an id-cursor list (`after_id` / `before_id`), as the SDK's `Page` reads it:
 * `{data, has_more, first_id, last_id}`. `all` is the whole list in the API's order and the cursor is
 * looked up there (so a filter applies after it); `keep` is the request's filter.
 */
export function listPage<T extends { id: string }, R>(
  all: readonly T[],
  keep: (item: T) => boolean,
  query: URLSearchParams,
  render: (item: T) => R,
) {
  const limit = readLimit(query);
  const afterId = query.get('after_id');
  const beforeId = query.get('before_id');
  if (afterId && beforeId) throw new ApiError(400, 'Only one of after_id and before_id may be given');
  const at = (id: string) => {
    const index = all.findIndex((item) => item.id === id);
    if (index < 0) throw new ApiError(400, 'The cursor does not name an object of this list');
    return index;
  };
  let page: T[];
  let hasMore: boolean;
  if (beforeId) {
    const before = all.slice(0, at(beforeId)).filter(keep);
    page = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    const after = (afterId ? all.slice(at(afterId) + 1) : all).filter(keep);
    page = after.slice(0, limit);
    hasMore = after.length > limit;
  }
  return {
    data: page.map(render),
    has_more: hasMore,
    first_id: page[0]?.id ?? null,
    last_id: page.at(-1)?.id ?? null,
  };
}
