import { createHash } from 'node:crypto';

/**
 * A weak ETag over the response body and the caller, like GitHub's `W/"…"` (GitHub's vary on
 * `Authorization`, so two tokens never share one).
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 */
export function computeEtag(body: string, caller: string): string {
  return `W/"${createHash('sha256').update(caller).update('\0').update(body).digest('hex').slice(0, 40)}"`;
}

/** Whether `If-None-Match` names this ETag (weak comparison, list or `*`). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === wanted);
}
