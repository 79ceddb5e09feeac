import type { Config } from '../policy/config-schema.js';
import type { FragmentFilter } from '../sources/source.js';
import { BASE64_TRIGGERS } from './base64.js';
import { buildBytePrefilter } from './build-byte-prefilter.js';
import { buildDetectors } from './build-detectors.js';

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
  return (bytes) => {
    prefilter ??= buildBytePrefilter(keywords);
    return prefilter.scan(bytes).count > 0;
  };
}
