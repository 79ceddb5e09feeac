import { buildJsBytePrefilter, uniqueKeywords, type BytePrefilter } from './byte-prefilter.js';
import { buildWasmBytePrefilter, isAsciiOnly } from './wasm-byte-prefilter.js';

/** The matchers `buildBytePrefilter` picks from. */
export const bytePrefilters = { wasm: buildWasmBytePrefilter, js: buildJsBytePrefilter };

/**
 * The byte prefilter the engine runs: the compiled (WebAssembly) matcher, which gives the
 * reference's hits faster and at a cost that hardly grows with the number of keywords.
 * `KEY_HYGIENE_PREFILTER=js` forces the plain-JavaScript reference (to compare `npm run eval`
 * before and after, or to rule the compiled matcher out while debugging).
 */
export function buildBytePrefilter(
  keywords: Iterable<string>,
  choice: string | undefined = process.env.KEY_HYGIENE_PREFILTER,
): BytePrefilter {
  const list = uniqueKeywords(keywords);
  return bytePrefilters[chooseBytePrefilter(list, choice)](list);
}

/**
 * Which matcher runs: the reference when asked for (`js`), or when a keyword (a custom
 * detector's) has a non-ASCII character, since the compiled matcher folds ASCII case only while
 * the reference folds Latin-1 the way a case-insensitive JavaScript regex does.
 */
export function chooseBytePrefilter(keywords: readonly string[], choice: string | undefined): 'wasm' | 'js' {
  return choice === 'js' || !isAsciiOnly(keywords) ? 'js' : 'wasm';
}
