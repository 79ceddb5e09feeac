/** Says whether raw bytes may hold a key: whether a detector keyword occurs in them. */
export type MayHoldKey = (bytes: Uint8Array) => boolean;

/** Takes git's diff output a chunk at a time, in order. */
export interface HunkSkipper {
  write(chunk: Buffer): void;
  /** The output ended: what is left is passed on or skipped like any segment. */
  end(): void;
}

/**
 * A hunk held in memory while it arrives, to be judged whole, is passed on unjudged past this size
 * (its bytes go on as they come): memory stays bounded whatever a hunk's size.
 */
export const MAX_HELD_HUNK = 256 * 1024;

/**
 * Lines that start a segment of `git log -p` / `git diff` output: a commit marker (commit-marker.ts),
 * a file's `diff --git` (or `diff --cc`) header, a hunk's `@@` header. No other line starts this way:
 * a hunk line starts with "+", "-", " " or "\", a header line with its word, and git quotes a path
 * with a control character, so no path puts a newline in a header.
 */
const BOUNDARIES = ['\n\x1e', '\ndiff ', '\n@@ '].map((b) => Buffer.from(b, 'latin1'));
const LONGEST_BOUNDARY = Math.max(...BOUNDARIES.map((b) => b.length));
const HUNK = Buffer.from('@@ ', 'latin1');
const ADDED_LINE = Buffer.from('\n+', 'latin1');
const NONE = Number.MAX_SAFE_INTEGER;
const STALE = -Number.MAX_SAFE_INTEGER;

/**
 * Cuts git's diff output at its segment boundaries (above) and hands every segment on to `pass`,
 * except a hunk whose added lines `mayHoldKey` clears: that one goes to `skip` undecoded (with the
 * offset where its added lines start, -1 when it has none), so the text parser never sees it. A skipped hunk is whole
 * and self-contained (its header numbers its lines), so the parser reads the hunks around it as if
 * it were there, and yields the same fragments for them. Pure: bytes in, calls out.
 *
 * With `-U0` a hunk prints its removed lines, then its added ones: its added lines all lie after
 * the first line that starts with "+", and only those bytes are judged.
 */
export function createHunkSkipper(
  mayHoldKey: MayHoldKey,
  pass: (bytes: Buffer) => void,
  skip: (hunk: Buffer, addedFrom: number) => void,
): HunkSkipper {
  let held: Buffer = Buffer.alloc(0);
  /** Inside a segment too big to hold: its bytes are passed on as they come, until the next boundary. */
  let passing = false;
  /** Where the next boundary may start in `held` (the bytes before were searched). */
  let searchFrom = 0;
  /** Per boundary: where it occurs next in `held`, NONE up to its end, STALE when not searched yet. */
  const next = BOUNDARIES.map(() => STALE);

  function segment(bytes: Buffer): void {
    if (passing) {
      passing = false;
      return pass(bytes);
    }
    if (!startsWith(bytes, HUNK)) return pass(bytes);
    const added = bytes.indexOf(ADDED_LINE);
    if (added === -1) skip(bytes, -1);
    else if (mayHoldKey(bytes.subarray(added + 1))) pass(bytes);
    else skip(bytes, added + 1);
  }

  /** The position of the next boundary's newline at or after `from` in `held`, or -1. */
  function nextBoundary(from: number): number {
    let first = NONE;
    for (let i = 0; i < BOUNDARIES.length; i++) {
      if (next[i]! < from) {
        const at = held.indexOf(BOUNDARIES[i]!, from);
        next[i] = at === -1 ? NONE : at;
      }
      first = Math.min(first, next[i]!);
    }
    return first === NONE ? -1 : first;
  }

  function rebase(by: number): void {
    held = held.subarray(by);
    searchFrom = Math.max(0, searchFrom - by);
    for (let i = 0; i < next.length; i++) if (next[i]! !== NONE) next[i] = next[i]! - by;
  }

  return {
    write(chunk) {
      held = held.length === 0 ? chunk : Buffer.concat([held, chunk]);
      // A boundary not found before may straddle the old end: look again from just before it.
      next.fill(STALE);
      let start = 0;
      for (let nl = nextBoundary(searchFrom); nl !== -1; nl = nextBoundary(start)) {
        segment(held.subarray(start, nl + 1));
        start = nl + 1;
      }
      rebase(start);
      searchFrom = Math.max(0, held.length - LONGEST_BOUNDARY + 1);
      if (passing || held.length > MAX_HELD_HUNK) {
        // Keep the bytes a boundary may still start in (its newline and the word after it).
        const keep = Math.max(0, held.length - LONGEST_BOUNDARY);
        if (keep > 0) pass(held.subarray(0, keep));
        passing = true;
        rebase(keep);
      }
    },
    end() {
      if (held.length > 0) segment(held);
      held = Buffer.alloc(0);
    },
  };
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
