import type { z } from 'zod';
import type { AdminRequest } from './admin-request.js';
import { listSchema } from './admin-schemas.js';

/** Pages one list may take (200 × 1000 keys): a server that never stops is cut off, not followed. */
export const MAX_PAGES = 200;

/** The answer checked against `schema`, or the client's error naming the first field that is off. */
export function parseAnswer<T extends z.ZodType>(
  http: AdminRequest,
  schema: T,
  json: unknown,
  what: string,
): z.infer<T> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const at = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
  throw http.fail(`the answer to ${what} is not of the expected shape${at ? ` (at ${at.slice(0, 80)})` : ''}`);
}

/**
 * Every item of an id-cursor list (`limit`, `after_id` → `{data, has_more, last_id}`), in the API's order,
 * `pageSize` at a time (the docs give 1 to 1000 for API keys and no range for the others).
 * A cursor that does not move, `has_more` without a cursor, or more than `MAX_PAGES` pages is an error:
 * a list cut short could hide a key.
 */
export async function listAll<T extends z.ZodType>(
  http: AdminRequest,
  path: string,
  item: T,
  { pageSize, query = {} }: { pageSize: number; query?: Record<string, string> },
): Promise<z.infer<T>[]> {
  const schema = listSchema(item);
  const what = `GET ${path}`;
  const items: z.infer<T>[] = [];
  const seen = new Set<string>();
  let after: string | null = null;
  for (let page = 1; ; page += 1) {
    if (page > MAX_PAGES) throw http.fail(`${what} had more than ${MAX_PAGES} pages`);
    const params: URLSearchParams = new URLSearchParams({
      ...query,
      limit: String(pageSize),
      ...(after !== null && { after_id: after }),
    });
    const answer: { data: z.infer<T>[]; has_more: boolean; last_id?: string | null } = parseAnswer(
      http,
      schema,
      await http.call('GET', path, { query: params }),
      what,
    );
    items.push(...answer.data);
    if (!answer.has_more) return items;
    const next: string | null = answer.last_id ?? null;
    if (next === null || answer.data.length === 0 || seen.has(next)) {
      throw http.fail(`${what} said it had more but gave no new cursor`);
    }
    seen.add(next);
    after = next;
  }
}
