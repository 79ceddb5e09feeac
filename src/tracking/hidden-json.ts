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

/** The last block with this tag in `body` (the bot appends its marker at the end), or undefined. */
export function findHiddenJson(body: string, tag: string): HiddenBlock | undefined {
  // Linear: a literal prefix and bounded whitespace, then indexOf for the end.
  const opener = new RegExp(`<!--[ \\t]{0,8}key-hygiene:${tag}(?=[\\s{])`, 'g');
  let last: RegExpExecArray | undefined;
  for (let m = opener.exec(body); m; m = opener.exec(body)) last = m;
  if (!last) return undefined;
  const from = last.index + last[0].length;
  const close = body.indexOf('-->', from);
  if (close < 0) return undefined;
  return { start: last.index, end: close + 3, json: body.slice(from, close).trim() };
}

/** JSON.parse that answers undefined instead of throwing, and only for objects. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(text);
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
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
