import type { Config } from '../policy/config-schema.js';
import type { FragmentFilter } from '../sources/source.js';
import { BASE64_TRIGGERS } from './base64.js';
import { buildBytePrefilter } from './build-byte-prefilter.js';
import { buildDetectors } from './build-detectors.js';

const PIECE = 16 * 1024;

/**
 * Whether raw bytes hold a keyword of the scanner a config builds (its detectors' keywords and the
 * base64 trigger words, as scanner.ts indexes them): where none occurs, the scanner finds nothing.
 * Undefined, so a source reads everything, when that cannot be told from bytes: a detector with no
 * keyword looks at all text, and a keyword outside printable ASCII (a config's) could match across a
 * line's end or in decoded text only. The byte prefilter is built on first use.
 */
export function keywordFilter(config: Config): FragmentFilter['mayHoldKey'] | undefined {
  const detectors = buildDetectors(config);
  const keywords = [...detectors.flatMap((d) => d.keywords), ...BASE64_TRIGGERS];
  if (detectors.some((d) => d.keywords.length === 0) || keywords.some((k) => !/^[\x20-\x7e]+$/.test(k))) {
    return undefined;
  }
  let prefilter: ReturnType<typeof buildBytePrefilter> | undefined;
  // Pieces overlap by a keyword's length less one, so a keyword across a cut lies whole in one.
  const overlap = Math.max(...keywords.map((k) => k.length)) - 1;
  const piece = Math.max(PIECE, 2 * overlap);
  return (bytes) => {
    prefilter ??= buildBytePrefilter(keywords);
    // A piece at a time: text that holds a keyword mostly holds one early, and the rest is not read.
    for (let from = 0; ; from += piece - overlap) {
      if (prefilter.scan(bytes.subarray(from, from + piece)).count > 0) return true;
      if (from + piece >= bytes.length) return false;
    }
  };
}
