import { type BytePrefilter, type ByteHits, uniqueKeywords } from './byte-prefilter.js';
import { buildKeywordTrie, type KeywordTrie } from './keyword-trie.js';
import { prefilterWasm } from './prefilter-wasm.generated.js';

// Node runs WebAssembly; the project's `lib` (ES2023, no DOM) just does not declare it.
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: unknown;
};

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  heapBase(): number;
  resume(): number;
  build(
    next: number,
    match: number,
    lengths: number,
    states: number,
    width: number,
    scratch: number,
    table: number,
  ): void;
  builtStart(): number;
  builtLastMatch(): number;
  scan(
    classes: number,
    table: number,
    start: number,
    lastMatch: number,
    infoOffset: number,
    text: number,
    len: number,
    from: number,
    outKeyword: number,
    outStart: number,
    cap: number,
  ): number;
}

const PAGE = 65536;
/** Hits one call of the loop writes before handing back; the scan goes on from where it stopped. */
const OUT_CAP = 16384;

/** Compiled once per thread, on first use (a pre-commit run that finds no file to scan never pays it). */
let compiled: object | undefined;

function instantiate(): Exports {
  compiled ??= new WebAssembly.Module(Buffer.from(prefilterWasm, 'base64'));
  return new WebAssembly.Instance(compiled, {}).exports as Exports;
}

/** Whether the compiled matcher can take these keywords: it folds ASCII case only. */
export function isAsciiOnly(keywords: readonly string[]): boolean {
  return !keywords.some((k) => /[\u0080-\uffff]/.test(k));
}

/**
 * The byte prefilter in WebAssembly: an Aho-Corasick DFA built and walked by assembly/prefilter.ts
 * from the keywords' trie (keyword-trie.ts), with the reference's hits (`buildJsBytePrefilter`). Each prefilter
 * has its own instance (its table stays in that instance's memory); the bytes are copied in, and the
 * memory grows to the largest input seen. Keywords must be ASCII (`isAsciiOnly`).
 */
export function buildWasmBytePrefilter(keywords: Iterable<string>): BytePrefilter {
  const list = uniqueKeywords(keywords);
  let matcher: ((bytes: Uint8Array) => ByteHits) | undefined;
  return {
    keywords: list,
    scan(bytes) {
      matcher ??=
        list.length === 0
          ? () => ({ count: 0, keyword: new Uint32Array(0), start: new Uint32Array(0) })
          : load(buildKeywordTrie(list));
      return matcher(bytes);
    },
  };
}

function load(trie: KeywordTrie): (bytes: Uint8Array) => ByteHits {
  const wasm = instantiate();
  const stride = trie.width + 2;
  const classes = wasm.heapBase();
  const table = classes + 256;
  const outKeyword = table + trie.states * stride * 4;
  const outStart = outKeyword + OUT_CAP * 4;
  const text = outStart + OUT_CAP * 4;
  // The trie and the build's scratch space sit where the text goes later.
  const next = text;
  const match = next + trie.next.byteLength;
  const lengths = match + trie.match.byteLength;
  const scratch = lengths + trie.lengths.byteLength;
  reserve(wasm, scratch + 3 * trie.states * 4);
  new Uint8Array(wasm.memory.buffer, classes, 256).set(trie.classes);
  new Int32Array(wasm.memory.buffer, next, trie.next.length).set(trie.next);
  new Int32Array(wasm.memory.buffer, match, trie.match.length).set(trie.match);
  new Int32Array(wasm.memory.buffer, lengths, trie.lengths.length).set(trie.lengths);
  wasm.build(next, match, lengths, trie.states, trie.width, scratch, table);
  const start = wasm.builtStart();
  const lastMatch = wasm.builtLastMatch();
  const infoOffset = trie.width * 4;
  const hits: ByteHits = { count: 0, keyword: new Uint32Array(64), start: new Uint32Array(64) };
  return (bytes) => {
    reserve(wasm, text + bytes.byteLength);
    new Uint8Array(wasm.memory.buffer, text, bytes.byteLength).set(bytes);
    hits.count = 0;
    let from = 0;
    for (;;) {
      const n = wasm.scan(
        classes,
        table,
        start,
        lastMatch,
        infoOffset,
        text,
        bytes.byteLength,
        from,
        outKeyword,
        outStart,
        OUT_CAP,
      );
      append(
        hits,
        new Uint32Array(wasm.memory.buffer, outKeyword, n),
        new Uint32Array(wasm.memory.buffer, outStart, n),
      );
      if (n < OUT_CAP) return hits;
      from = wasm.resume();
    }
  };
}

/** Grows the instance's memory to hold `end` bytes. */
function reserve(wasm: Exports, end: number): void {
  const have = wasm.memory.buffer.byteLength;
  if (end > have) wasm.memory.grow(Math.ceil((end - have) / PAGE));
}

function append(hits: ByteHits, keyword: Uint32Array, start: Uint32Array): void {
  const need = hits.count + keyword.length;
  if (need > hits.keyword.length) {
    const size = Math.max(need, hits.keyword.length * 2);
    const grownKeyword = new Uint32Array(size);
    const grownStart = new Uint32Array(size);
    grownKeyword.set(hits.keyword.subarray(0, hits.count));
    grownStart.set(hits.start.subarray(0, hits.count));
    hits.keyword = grownKeyword;
    hits.start = grownStart;
  }
  hits.keyword.set(keyword, hits.count);
  hits.start.set(start, hits.count);
  hits.count = need;
}
