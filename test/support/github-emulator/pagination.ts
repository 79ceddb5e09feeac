import type { RouteContext } from './router.js';

/**
 * Page caps. Most list endpoints take `per_page` up to 100 (default 30); Actions variables stop at 30.
 * A larger `per_page` is capped silently, as GitHub does.
 * https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
export interface PageCaps {
  max: number;
  defaultPerPage: number;
}

export const DEFAULT_CAPS: PageCaps = { max: 100, defaultPerPage: 30 };
export const VARIABLE_CAPS: PageCaps = { max: 30, defaultPerPage: 10 };

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

export function pageParams(ctx: RouteContext, caps: PageCaps): { perPage: number; page: number } {
  const perPageRaw = Number.parseInt(ctx.query.get('per_page') ?? '', 10);
  const pageRaw = Number.parseInt(ctx.query.get('page') ?? '', 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, caps.max) : caps.defaultPerPage;
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  return { perPage, page };
}

/** Slices one page and builds GitHub's `Link` header (`prev`, `next`, `last`, `first`). */
export function paginate<T>(ctx: RouteContext, all: T[], caps: PageCaps = DEFAULT_CAPS): Page<T> {
  const { perPage, page } = pageParams(ctx, caps);
  const items = all.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(ctx, page, Math.max(1, Math.ceil(all.length / perPage)));
  return { items, headers: link ? { link } : {} };
}

export function linkHeader(ctx: RouteContext, page: number, lastPage: number): string | null {
  const at = (n: number): string => {
    const url = new URL(ctx.apiBase + ctx.requestPath);
    url.searchParams.set('page', String(n));
    return url.toString();
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${at(page - 1)}>; rel="prev"`);
  if (page < lastPage) links.push(`<${at(page + 1)}>; rel="next"`, `<${at(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${at(1)}>; rel="first"`);
  return links.length > 0 ? links.join(', ') : null;
}
