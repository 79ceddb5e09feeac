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
const BOUNDARIES = ['\x1e', 'diff ', '@@ '].map((b) => Buffer.from(b, 'latin1'));
/** The bytes a boundary spans: the newline before it, and its word. */
const LONGEST_BOUNDARY = 1 + Math.max(...BOUNDARIES.map((b) => b.length));
const HUNK = Buffer.from('@@ ', 'latin1');
const ADDED_LINE = Buffer.from('\n+', 'latin1');
const NONE = Number.MAX_SAFE_INTEGER;
const STALE = -Number.MAX_SAFE_INTEGER;

/**
 * Cuts git's diff output at its segment boundaries (above) and hands every segment on to `pass`,
 * except a hunk whose added lines `mayHoldKey` clears: that one goes to `skip` undecoded (with the
 * offset where its added lines start, -1 when it has none), so the text parser never sees it. A skipped hunk is whole
 * and self-contained (its header numbers its lines), so the parser reads the hunks around it as if
 * it were there, and yields the same fragments for them. Pure: bytes in, calls out. The bytes a call
 * is given are valid during the call only (the skipper reuses its memory).
 *
 * With `-U0` a hunk prints its removed lines, then its added ones: its added lines all lie after
 * the first line that starts with "+", and only those bytes are judged.
 */
export function createHunkSkipper(
  mayHoldKey: MayHoldKey,
  pass: (bytes: Buffer) => void,
  skip: (hunk: Buffer, addedFrom: number) => void,
): HunkSkipper {
  /** The bytes not yet passed on nor skipped: `held` is `store[low, high)`, appended to in place. */
  let store = Buffer.allocUnsafe(64 * 1024);
  let low = 0;
  let high = 0;
  let held = store.subarray(0, 0);
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
      if (next[i]! < from) next[i] = lineStart(held, BOUNDARIES[i]!, from);
      first = Math.min(first, next[i]!);
    }
    return first === NONE ? -1 : first;
  }

  /** Appends in place (a hunk arriving in many small reads is copied once, not once a read), growing by doubling. */
  function append(chunk: Buffer): void {
    if (high + chunk.length > store.length) {
      const live = high - low;
      const bigger = live + chunk.length > store.length / 2 ? Buffer.allocUnsafe(2 * (live + chunk.length)) : store;
      store.copy(bigger, 0, low, high);
      store = bigger;
      low = 0;
      high = live;
    }
    chunk.copy(store, high);
    high += chunk.length;
    held = store.subarray(low, high);
  }

  function rebase(by: number): void {
    low += by;
    held = store.subarray(low, high);
    searchFrom = Math.max(0, searchFrom - by);
    for (let i = 0; i < next.length; i++) if (next[i]! !== NONE) next[i] = next[i]! - by;
  }

  return {
    write(chunk) {
      append(chunk);
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
      rebase(held.length);
    },
  };
}

/**
 * The position of the newline before the first line at or after `from + 1` that starts with `word`,
 * or NONE. The word is searched for alone (a needle that starts with a newline, the most common
 * byte but one, is searched for several times slower), then checked to start a line.
 */
function lineStart(bytes: Buffer, word: Buffer, from: number): number {
  for (let at = bytes.indexOf(word, from + 1); at !== -1; at = bytes.indexOf(word, at + 1)) {
    if (bytes[at - 1] === 10) return at - 1;
  }
  return NONE;
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;
}
