/**
 * A keyword automaton laid out for the WebAssembly search loop (assembly/prefilter.ts): see there
 * for the table's layout. All offsets are in bytes.
 */
export interface LeftmostLongestDfa {
  /** Byte → class, one byte each: bytes that no keyword holds share class 0. */
  classes: Uint8Array;
  /** Rows of `stride` u32 words: the next row's offset per class, then keyword index and length. */
  table: Uint32Array;
  /** Offset of the start row. */
  start: number;
  /** Offset of the last match row: rows at or before it are the dead state (0) and the match states. */
  lastMatch: number;
  /** Offset, within a row, of the keyword index (the length follows it). */
  infoOffset: number;
}

const NONE = -1;
const DEAD = 0;
const START = 1;

/**
 * The Aho-Corasick automaton of ASCII keywords with leftmost-longest semantics, as a DFA over byte
 * classes that fold ASCII case. Leftmost: a state reached after a match has no failure transition
 * (it goes to the dead state), since following one would look for a match starting later than the
 * one already seen; the search then reports the last match it saw. This is the construction of the
 * Rust `aho-corasick` crate (its noncontiguous NFA), and gives the hits `buildPrefilter` does.
 * Keywords must be lower-case ASCII, unique and non-empty (`uniqueKeywords`).
 */
export function buildLeftmostLongestDfa(keywords: readonly string[]): LeftmostLongestDfa {
  const classes = byteClasses(keywords);
  const width = Math.max(...classes) + 1;
  const trie = buildTrie(keywords, classes, width);
  const { order, next } = fillTransitions(trie, width);
  return layOut(keywords, classes, trie.match, order, next, width);
}

function byteClasses(keywords: readonly string[]): Uint8Array {
  const classes = new Uint8Array(256);
  let count = 1;
  for (const k of keywords) {
    for (let i = 0; i < k.length; i++) {
      const c = k.charCodeAt(i);
      if (c > 0x7f) throw new Error(`keyword "${k}" is not ASCII`);
      if (classes[c] !== 0) continue;
      classes[c] = count;
      // Keywords are lower case; the `i` flag also lets the upper-case letter match.
      if (c >= 0x61 && c <= 0x7a) classes[c - 0x20] = count;
      count++;
    }
  }
  return classes;
}

interface Trie {
  /** Child per state and class (NONE when absent), `width` entries a state. */
  child: number[];
  /** The keyword ending at each state (its own), NONE if none. */
  match: number[];
}

function buildTrie(keywords: readonly string[], classes: Uint8Array, width: number): Trie {
  // State 0 is the dead state, 1 the start.
  const child: number[] = new Array<number>(2 * width).fill(NONE);
  const match: number[] = [NONE, NONE];
  keywords.forEach((k, index) => {
    let s = START;
    for (let i = 0; i < k.length; i++) {
      const c = classes[k.charCodeAt(i)]!;
      let t = child[s * width + c]!;
      if (t === NONE) {
        t = match.length;
        match.push(NONE);
        for (let j = 0; j < width; j++) child.push(NONE);
        child[s * width + c] = t;
      }
      s = t;
    }
    match[s] = index;
  });
  return { child, match };
}

/**
 * Failure links in breadth-first order, then the full transition function. A state whose own
 * keyword ends there gets the dead state as its failure, and so (through the links) does every
 * state below it; any other state inherits the match of its failure state, which is the longest
 * keyword ending there since the failure state is the longest proper suffix in the trie.
 */
function fillTransitions(trie: Trie, width: number): { order: number[]; next: Int32Array } {
  const { child, match } = trie;
  const states = match.length;
  const fail = new Int32Array(states);
  const next = new Int32Array(states * width);
  const order = [START];
  fail[START] = START;
  for (let q = 0; q < order.length; q++) {
    const s = order[q]!;
    for (let c = 0; c < width; c++) {
      const t = child[s * width + c]!;
      if (t === NONE) {
        // The start state stays put on a byte that begins no keyword (the search is unanchored).
        next[s * width + c] = s === START ? START : fail[s] === DEAD ? DEAD : next[fail[s]! * width + c]!;
        continue;
      }
      next[s * width + c] = t;
      order.push(t);
      if (match[t] !== NONE) {
        fail[t] = DEAD;
        continue;
      }
      if (s === START) {
        fail[t] = START;
        continue;
      }
      // The failure of s has its transitions filled already (it is shallower), so its transition
      // on c is the longest proper suffix of t's string that is in the trie, or the dead state.
      const f = fail[s] === DEAD ? DEAD : next[fail[s]! * width + c]!;
      fail[t] = f;
      match[t] = f === DEAD ? NONE : match[f]!;
    }
  }
  return { order, next };
}

/** Rows renumbered dead first, then match states, then the rest; transitions as row offsets. */
function layOut(
  keywords: readonly string[],
  classes: Uint8Array,
  match: number[],
  order: number[],
  next: Int32Array,
  width: number,
): LeftmostLongestDfa {
  const stride = width + 2;
  const rowOf = new Int32Array(match.length);
  const matching = order.filter((s) => match[s] !== NONE);
  const rest = order.filter((s) => match[s] === NONE);
  [DEAD, ...matching, ...rest].forEach((s, row) => (rowOf[s] = row * stride * 4));
  const table = new Uint32Array(match.length * stride);
  for (const s of order) {
    const base = rowOf[s]! / 4;
    for (let c = 0; c < width; c++) table[base + c] = rowOf[next[s * width + c]!]!;
    if (match[s] !== NONE) {
      table[base + width] = match[s]!;
      table[base + width + 1] = keywords[match[s]!]!.length;
    }
  }
  return {
    classes,
    table,
    start: rowOf[START]!,
    lastMatch: matching.length * stride * 4,
    infoOffset: width * 4,
  };
}
