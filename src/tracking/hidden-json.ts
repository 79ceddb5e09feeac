// Hidden state in issue and comment bodies: `<!-- key-hygiene:<tag> {json} -->`. GitHub renders
// HTML comments as nothing, so users never see it, and it survives edits to the text around it.

/** Where one hidden block sits in a body, and the raw text between the tag and `-->`. */
export interface HiddenBlock {
  start: number;
  end: number;
  json: string;
}

/** `<!-- key-hygiene:<tag> {json} -->`, with `<`, `>` and `&` escaped so the JSON can never close the comment. */
export function renderHiddenJson(tag: string, data: object): string {
  const json = JSON.stringify(data).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<!-- key-hygiene:${tag} ${json} -->`;
}

/**
 * The last block with this tag in `body` (the bot appends its marker at the end), or undefined.
 * Only a block that starts a line counts: the bot writes every marker on a line of its own, and
 * the text it renders from input is kept on one line (src/report/render-issue-text.ts), so a file
 * name or a reason quoted mid-line can never pass for a marker.
 */
export function findHiddenJson(body: string, tag: string): HiddenBlock | undefined {
  // Linear: a literal prefix and bounded whitespace, then indexOf for the end.
  const opener = new RegExp(`^([ \\t]{0,3})<!--[ \\t]{0,8}key-hygiene:${tag}(?=[\\s{])`, 'gm');
  let last: RegExpExecArray | undefined;
  for (let m = opener.exec(body); m; m = opener.exec(body)) last = m;
  if (!last) return undefined;
  const from = last.index + last[0].length;
  const close = body.indexOf('-->', from);
  if (close < 0) return undefined;
  return { start: last.index + (last[1]?.length ?? 0), end: close + 3, json: body.slice(from, close).trim() };
}

/** The tags of the markers that say what an issue is: one issue is one of them, never two. */
const ISSUE_TAGS = ['key', 'incident', 'dashboard'] as const;

/**
 * {@link findHiddenJson} for an issue's own marker: undefined when the body also holds the marker
 * of another kind of issue. A key marker in a leak incident, or an incident marker in a key issue,
 * was not put there by the bot for that issue, and acting on it could close the wrong issue.
 */
export function findIssueMarker(body: string, tag: (typeof ISSUE_TAGS)[number]): HiddenBlock | undefined {
  if (ISSUE_TAGS.some((other) => other !== tag && findHiddenJson(body, other) !== undefined)) return undefined;
  return findHiddenJson(body, tag);
}

/** JSON.parse that answers undefined instead of throwing, and only for objects. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A string field, when it is one. */
export function stringField(data: Record<string, unknown>, name: string, max = 500): string | undefined {
  const value = data[name];
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

/** An ISO timestamp field, normalised, when it is a valid date. */
export function dateField(data: Record<string, unknown>, name: string): string | undefined {
  const value = stringField(data, name, 40);
  if (value === undefined) return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
