// The byte prefilter's search loop, compiled to WebAssembly by `npm run build:wasm`
// (scripts/build-wasm.mjs), which writes src/scan/prefilter-wasm.generated.ts. AssemblyScript,
// not TypeScript: the project's tsc, ESLint and dependency-cruiser leave this folder alone.
//
// JavaScript copies the keywords' trie in (src/scan/keyword-trie.ts, which explains the
// construction); `build` turns it into the DFA table and `scan` walks that, both at native speed.
// Layout of the table: one row of `stride` u32 words per state, rows addressed by their byte offset from `table`. Word `c` of a row is the byte offset of
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

const NONE: i32 = -1;
const DEAD: u32 = 0;
const START: u32 = 1;
let startRow: u32 = 0;
let lastMatchRow: u32 = 0;

/** The start row's offset in the table `build` wrote. */
export function builtStart(): u32 {
  return startRow;
}

/** The last match row's offset in the table `build` wrote. */
export function builtLastMatch(): u32 {
  return lastMatchRow;
}

function get(base: usize, index: u32): i32 {
  return load<i32>(base + ((<usize>index) << 2));
}

function set(base: usize, index: u32, value: i32): void {
  store<i32>(base + ((<usize>index) << 2), value);
}

/**
 * Turns a trie into the leftmost-longest DFA table (see src/scan/keyword-trie.ts, which builds the
 * trie and explains the construction): `next` holds `states` rows of `width` i32, the
 * child per class or -1 (state 0 dead, 1 the start), and is filled in place; `match` the keyword
 * ending at each state or -1; `lengths` each keyword's length. `scratch` has room for 3 × `states`
 * i32; `table` for `states` rows of `width + 2` u32.
 */
export function build(
  next: usize,
  match: usize,
  lengths: usize,
  states: u32,
  width: u32,
  scratch: usize,
  table: usize,
): void {
  const fail = scratch;
  const order = scratch + ((<usize>states) << 2);
  const rowOf = order + ((<usize>states) << 2);
  let queued: u32 = 0;
  set(order, queued++, START);
  set(fail, START, START);
  for (let q: u32 = 0; q < queued; q++) {
    const s = <u32>get(order, q);
    const row = s * width;
    const f = <u32>get(fail, s);
    const failRow = f * width;
    for (let c: u32 = 0; c < width; c++) {
      const t = get(next, row + c);
      if (t == NONE) {
        set(next, row + c, s == START ? START : f == DEAD ? DEAD : get(next, failRow + c));
        continue;
      }
      set(order, queued++, t);
      if (get(match, t) != NONE) set(fail, t, DEAD);
      else if (s == START) set(fail, t, START);
      else {
        const g = f == DEAD ? DEAD : <u32>get(next, failRow + c);
        set(fail, t, g);
        set(match, t, g == DEAD ? NONE : get(match, g));
      }
    }
  }
  const stride = (width + 2) << 2;
  set(rowOf, DEAD, 0);
  let rows: u32 = 1;
  for (let q: u32 = 0; q < queued; q++) {
    const s = <u32>get(order, q);
    if (get(match, s) != NONE) set(rowOf, s, rows++ * stride);
  }
  lastMatchRow = (rows - 1) * stride;
  for (let q: u32 = 0; q < queued; q++) {
    const s = <u32>get(order, q);
    if (get(match, s) == NONE) set(rowOf, s, rows++ * stride);
  }
  startRow = <u32>get(rowOf, START);
  memory.fill(table, 0, stride);
  for (let q: u32 = 0; q < queued; q++) {
    const s = <u32>get(order, q);
    const base = table + <usize>get(rowOf, s);
    const from = s * width;
    for (let c: u32 = 0; c < width; c++) store<u32>(base + ((<usize>c) << 2), get(rowOf, <u32>get(next, from + c)));
    const m = get(match, s);
    store<u32>(base + ((<usize>width) << 2), m == NONE ? 0 : m);
    store<u32>(base + ((<usize>width) << 2) + 4, m == NONE ? 0 : get(lengths, m));
  }
}
