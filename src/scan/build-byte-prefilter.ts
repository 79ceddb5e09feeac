import { buildJsBytePrefilter, uniqueKeywords, type BytePrefilter } from './byte-prefilter.js';
import { buildWasmBytePrefilter, isAsciiOnly } from './wasm-byte-prefilter.js';

/**
 * The byte prefilter the engine runs: the compiled (WebAssembly) matcher, which gives the
 * reference's hits faster and at a cost that hardly grows with the number of keywords.
 * `KEY_HYGIENE_PREFILTER=js` forces the plain-JavaScript reference (to compare `npm run eval`
 * before and after, or to rule the compiled matcher out while debugging); so does a keyword with a
 * non-ASCII character (a custom detector's), since the compiled matcher folds ASCII case only.
 */
export function buildBytePrefilter(
  keywords: Iterable<string>,
  choice: string | undefined = process.env.KEY_HYGIENE_PREFILTER,
): BytePrefilter {
  const list = uniqueKeywords(keywords);
  if (choice === 'js' || !isAsciiOnly(list)) return buildJsBytePrefilter(list);
  return buildWasmBytePrefilter(list);
}
