import { buildPrefilter } from './prefilter.js';

/**
 * Keyword hits over raw bytes, in two parallel arrays of `count` entries, ascending by `start`:
 * `keyword[i]` indexes `BytePrefilter.keywords`, `start[i]` is the byte offset where it begins.
 * The arrays may be longer than `count` (reused buffers): read only the first `count`.
 */
export interface ByteHits {
  count: number;
  keyword: Uint32Array;
  start: Uint32Array;
}

/**
 * Finds every detector keyword in a run of bytes at once, ASCII case-insensitively, before any
 * byte is decoded. Its hits are exactly those `buildPrefilter` (prefilter.ts) gives over the same
 * bytes read as Latin-1 (one character a byte): leftmost first, the longest keyword at one place,
 * never overlapping. A non-ASCII byte never matches, as a non-ASCII character never matches an
 * ASCII keyword under the `i` flag, so over ASCII text the byte offsets are the string offsets.
 */
export interface BytePrefilter {
  /** Lower-cased and unique, in the order hits index them. */
  readonly keywords: readonly string[];
  /** The hits in `bytes`. The result may be reused by the next call: read it before calling again. */
  scan(bytes: Uint8Array): ByteHits;
}

/**
 * The reference matcher: the string prefilter over a Latin-1 reading of the bytes. Plain
 * JavaScript, so it runs anywhere; the fast matcher must give the same hits on every input.
 */
export function buildJsBytePrefilter(keywords: Iterable<string>): BytePrefilter {
  const list = uniqueKeywords(keywords);
  const indexOf = new Map(list.map((k, i) => [k, i]));
  const prefilter = buildPrefilter(list);
  return {
    keywords: list,
    scan(bytes) {
      const hits = prefilter(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
      const keyword = new Uint32Array(hits.length);
      const start = new Uint32Array(hits.length);
      hits.forEach((h, i) => {
        keyword[i] = indexOf.get(h.keyword)!;
        start[i] = h.index;
      });
      return { count: hits.length, keyword, start };
    },
  };
}

/** Keywords as every byte prefilter lists them: lower-cased, empty ones dropped, first occurrence kept. */
export function uniqueKeywords(keywords: Iterable<string>): string[] {
  return [...new Set([...keywords].map((k) => k.toLowerCase()))].filter(Boolean);
}
