import { buildJsBytePrefilter, type BytePrefilter } from './byte-prefilter.js';

/**
 * The byte prefilter the engine runs. For now the plain-JavaScript reference; the compiled
 * matcher takes its place behind this same function.
 */
export function buildBytePrefilter(keywords: Iterable<string>): BytePrefilter {
  return buildJsBytePrefilter(keywords);
}
