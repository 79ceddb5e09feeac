import { invalidRequest } from './errors.js';

/**
 * One page of a cursor list (`limit` 1–100, default 20; `after` = the last id of the previous page), in
 * the envelope every admin list answers with: `{ object: 'list', data, first_id, last_id, has_more }`.
 * The SDK's CursorPage / ConversationCursorPage read `has_more` and `last_id` (or the last item's id).
 */
export function listPage<T extends { id: string }>(items: readonly T[], query: URLSearchParams) {
  const limitText = query.get('limit');
  const limit = limitText === null ? 20 : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest(`Invalid 'limit': integer below minimum value or above maximum value (1 to 100).`);
  }
  const after = query.get('after');
  const start = after ? items.findIndex((item) => item.id === after) + 1 : 0;
  // An unknown cursor lists nothing rather than starting over, so a client that loops on it ends.
  const data = after && start === 0 ? [] : items.slice(start, start + limit);
  return {
    object: 'list' as const,
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: data.length > 0 && start + limit < items.length,
  };
}
