import { re2js } from './load-re2js.js';

/**
 * `scan.allow.paths` globs, matched in linear time.
 *
 * The globs come from a repository's own config, and the App applies them to every file of every push
 * on the server's one event loop. Backtracking glob engines turn `*a*a*a*a*a*a*a*a*a*a*a*a*b` into a
 * regex that takes seconds on a 30-character file name and hours on a 60-character one, so the glob is
 * translated here into RE2 syntax and run by re2js, whose matching time is linear in the path.
 *
 * Syntax (the usual gitignore-like subset): `*` any characters but `/`; `**` as a whole segment, any
 * number of segments (none included); `?` one character but `/`; `[abc]`, `[a-z]`, `[!abc]`; `{a,b}`
 * alternatives, nested; `\x` a literal x. Dot files match like any other. A glob matches the whole
 * path relative to the scanned root, `/`-separated.
 */
export function compilePathGlobs(globs: readonly string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const { RE2JS } = re2js();
  const re = RE2JS.compile(`^(?:${globs.map(globToRe2).join('|')})$`, RE2JS.DOTALL);
  return (path) => re.testExact(path);
}

/** Why a glob cannot be used, or undefined when it can. */
export function pathGlobError(glob: string): string | undefined {
  try {
    re2js().RE2JS.compile(globToRe2(glob));
    return undefined;
  } catch (error) {
    return error instanceof GlobSyntaxError ? error.message : 'not a valid glob';
  }
}

class GlobSyntaxError extends Error {}

/** At most this many globs come out of one glob's `{a,b}` alternatives, so `{a,b}{a,b}…` stays small. */
const MAX_EXPANSIONS = 256;

/** One glob as RE2 source. */
export function globToRe2(glob: string): string {
  if (/^!|[@!+*?]\(/.test(glob))
    throw new GlobSyntaxError('negation and extended globs (!(…), +(…), @(…)) are not supported');
  const expanded = expandBraces(glob);
  return expanded.length === 1 ? segmentsToRe2(expanded[0]!) : `(?:${expanded.map(segmentsToRe2).join('|')})`;
}

/** `x/{a,b/c}/y` → `x/a/y`, `x/b/c/y`; alternatives may hold `/` and nest. */
function expandBraces(glob: string): string[] {
  let done: string[] = [];
  let pending = [glob];
  while (pending.length) {
    const next: string[] = [];
    for (const g of pending) {
      const group = firstBraceGroup(g);
      if (!group) done.push(g);
      else for (const option of group.options) next.push(g.slice(0, group.start) + option + g.slice(group.end + 1));
    }
    if (done.length + next.length > MAX_EXPANSIONS)
      throw new GlobSyntaxError(`its {…} alternatives make more than ${MAX_EXPANSIONS} globs`);
    pending = next;
  }
  done = done.map((g) => g.replace(/\\([{},])/g, '$1'));
  return done;
}

/** The first `{…}` with a top-level comma, split into its options; undefined when there is none. */
function firstBraceGroup(glob: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') start++;
    else if (glob[start] === '{') {
      const options: string[] = [];
      let depth = 0;
      let from = start + 1;
      for (let i = start + 1; i < glob.length; i++) {
        const c = glob[i];
        if (c === '\\') i++;
        else if (c === '{') depth++;
        else if (c === '}' && depth > 0) depth--;
        else if (c === ',' && depth === 0) {
          options.push(glob.slice(from, i));
          from = i + 1;
        } else if (c === '}') {
          if (options.length === 0) break;
          options.push(glob.slice(from, i));
          return { start, end: i, options };
        }
      }
      throw new GlobSyntaxError('an unclosed { in the glob');
    }
  }
  return undefined;
}

function segmentsToRe2(glob: string): string {
  const segments = glob.split('/');
  let out = '';
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === '**') {
      // Zero or more whole segments: `a/**/b` matches a/b, `a/**` matches a and everything below it.
      if (i === 0) out += last ? '.*' : '(?:.*/)?';
      else out += last ? '(?:/.*)?' : '(?:/.*)?/';
      return;
    }
    if (i > 0 && segments[i - 1] !== '**') out += '/';
    out += translateSegment(segment);
  });
  return out;
}

function translateSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\') {
      out += re2js().RE2JS.quote(segment[++i] ?? '\\');
    } else if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '[^/]*';
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += characterClass(segment.slice(i + 1, end));
      i = end;
    } else {
      out += re2js().RE2JS.quote(c);
    }
  }
  return out;
}

/** `[!a-z]` → `[^/a-z]`: a class never matches the separator. */
function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const inner = (negated ? body.slice(1) : body).replace(/[\\\][]/g, (m) => `\\${m}`);
  return negated ? `[^/${inner}]` : `(?:[${inner}])`;
}
