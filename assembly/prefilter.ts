// The byte prefilter's search loop, compiled to WebAssembly by `npm run build:wasm`
// (scripts/build-wasm.mjs), which writes src/scan/prefilter-wasm.generated.ts. AssemblyScript,
// not TypeScript: the project's tsc, ESLint and dependency-cruiser leave this folder alone.
//
// The automaton is built in JavaScript (src/scan/leftmost-longest-dfa.ts) and copied into this
// module's memory; this loop only walks it. Layout of the table: one row of `stride` u32 words per
// state, rows addressed by their byte offset from `table`. Word `c` of a row is the byte offset of
// the next state's row on byte class `c`; the two words after the classes hold, for a match state,
// its keyword's index and length. Row 0 is the dead state; match states come right after it, so
// one comparison (`next <= lastMatch`) sends both kinds to the slow path.

let resumeAt: u32 = 0;

/** Where free memory begins: the JavaScript side lays its buffers out from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Where the last `scan` stopped when it filled its output: pass it as `from` to go on. */
export function resume(): u32 {
  return resumeAt;
}

/**
 * Leftmost-longest, non-overlapping keyword hits in `text[from, len)`, written as keyword index and
 * start offset into `outKeyword` and `outStart` (u32 each, at most `cap`). Returns how many; when that
 * is `cap`, `resume()` says where to go on. Each search starts at `start` and runs until the dead
 * state (no match can start earlier than the last one seen, nor be longer) or the end of the text;
 * the last match seen is the hit, and the next search starts where it ends.
 */
export function scan(
  classes: usize,
  table: usize,
  start: u32,
  lastMatch: u32,
  infoOffset: u32,
  text: usize,
  len: u32,
  from: u32,
  outKeyword: usize,
  outStart: usize,
  cap: u32,
): u32 {
  let count: u32 = 0;
  let i = from;
  while (i < len) {
    if (count == cap) {
      resumeAt = i;
      return count;
    }
    let state = start;
    let matchEnd: u32 = 0;
    let matchRow: u32 = 0;
    let j = i;
    while (j < len) {
      const cls = <u32>load<u8>(classes + <usize>load<u8>(text + <usize>j));
      state = load<u32>(table + <usize>state + <usize>(cls << 2));
      j++;
      if (state <= lastMatch) {
        if (state == 0) break;
        matchEnd = j;
        matchRow = state;
      }
    }
    if (matchRow == 0) break;
    const keyword = load<u32>(table + <usize>matchRow + <usize>infoOffset);
    const length = load<u32>(table + <usize>matchRow + <usize>infoOffset + 4);
    store<u32>(outKeyword + ((<usize>count) << 2), keyword);
    store<u32>(outStart + ((<usize>count) << 2), matchEnd - length);
    count++;
    i = matchEnd;
  }
  resumeAt = len;
  return count;
}
