/** One keyword hit: where a detector's keyword occurs in the text. */
export interface KeywordHit {
  keyword: string;
  index: number;
}

export type Prefilter = (text: string) => KeywordHit[];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass over the text finds every detector keyword at once (a single combined, case-insensitive
 * alternation, which V8 compiles to one automaton), so text without any keyword costs one scan.
 * Longer keywords come first so that the alternation prefers them at the same position.
 */
export function buildPrefilter(keywords: Iterable<string>): Prefilter {
  const unique = [...new Set([...keywords].map((k) => k.toLowerCase()))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return () => [];
  const combined = new RegExp(unique.map(escape).join('|'), 'gi');
  return (text) => {
    const hits: KeywordHit[] = [];
    combined.lastIndex = 0;
    for (let m = combined.exec(text); m; m = combined.exec(text)) {
      hits.push({ keyword: m[0].toLowerCase(), index: m.index });
    }
    return hits;
  };
}
