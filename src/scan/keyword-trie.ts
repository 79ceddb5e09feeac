/**
 * The trie of the keywords over byte classes, as the WebAssembly module (assembly/prefilter.ts)
 * takes it to build its automaton. All arrays are plain rows of i32 so they copy straight in.
 */
export interface KeywordTrie {
  /** Byte → class, one byte each: bytes that no keyword holds share class 0; ASCII case folds. */
  classes: Uint8Array;
  /** Classes per state (the largest class + 1). */
  width: number;
  /** How many states: 0 is the dead state, 1 the start, then the trie's nodes. */
  states: number;
  /** `states` rows of `width` entries: the child on each class, -1 when absent. */
  next: Int32Array;
  /** The keyword ending at each state, -1 if none. */
  match: Int32Array;
  /** Each keyword's length. */
  lengths: Int32Array;
}

const NONE = -1;
const START = 1;

/**
 * The trie of lower-case ASCII keywords, unique and non-empty (`uniqueKeywords`), over byte
 * classes that fold ASCII case. The module turns it into an Aho-Corasick DFA with leftmost-longest
 * semantics, the hits `buildPrefilter` (prefilter.ts) gives: leftmost first, the longest keyword at
 * one place, never overlapping. This is the construction of the Rust `aho-corasick` crate (its
 * noncontiguous NFA): failure links in breadth-first order, except that a state where a keyword
 * ends gets the dead state as its failure, and so (through the links) does every state below it,
 * since following a failure after a match would look for a match starting later than the one
 * already seen; any other state inherits the match of its failure state (the longest keyword that
 * is a suffix of its string). The search walks the DFA from the start state until the dead state
 * or the end of the text, reports the last match it saw, and starts again where that match ends.
 */
export function buildKeywordTrie(keywords: readonly string[]): KeywordTrie {
  const classes = byteClasses(keywords);
  const width = Math.max(...classes) + 1;
  const most = 2 + keywords.reduce((sum, k) => sum + k.length, 0);
  const next = new Int32Array(most * width).fill(NONE);
  const match = new Int32Array(most).fill(NONE);
  let states = 2;
  keywords.forEach((k, index) => {
    let s = START;
    for (let i = 0; i < k.length; i++) {
      const at = s * width + classes[k.charCodeAt(i)]!;
      if (next[at] === NONE) next[at] = states++;
      s = next[at]!;
    }
    match[s] = index;
  });
  return {
    classes,
    width,
    states,
    next: next.subarray(0, states * width),
    match: match.subarray(0, states),
    lengths: Int32Array.from(keywords, (k) => k.length),
  };
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
