/** One keyword hit: where a detector's keyword occurs in the text. */
export interface KeywordHit {
  /** The keyword as listed (lower case): the longest one that matched at this place. */
  keyword: string;
  index: number;
}

export type Prefilter = (text: string) => KeywordHit[];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One pass over the text finds every detector keyword at once, case-insensitively, so text
 * without any keyword costs one scan. The alternation is factored into a trie (`a(?:kia|sia|…)|…`)
 * because V8 tries a flat alternation's branches one by one at each position: the trie reads ~35%
 * faster on real code. At one position the longest keyword wins; callers map it to every keyword
 * it contains (see `keywordsWithin`).
 */
export function buildPrefilter(keywords: Iterable<string>): Prefilter {
  const unique = [...new Set([...keywords].map((k) => k.toLowerCase()))].filter(Boolean);
  if (unique.length === 0) return () => [];
  const combined = new RegExp(trieSource(unique), 'gi');
  return (text) => {
    const hits: KeywordHit[] = [];
    combined.lastIndex = 0;
    for (let m = combined.exec(text); m; m = combined.exec(text)) {
      hits.push({ keyword: m[0].toLowerCase(), index: m.index });
    }
    return hits;
  };
}

/** Regex source of a trie over the words (`a(?:kia|sia)`), greedy so the longest word wins at each position. */
function trieSource(words: string[]): string {
  const byFirst = new Map<string, string[]>();
  let includesEmpty = false;
  for (const w of words) {
    if (w === '') includesEmpty = true;
    else byFirst.set(w[0]!, [...(byFirst.get(w[0]!) ?? []), w.slice(1)]);
  }
  const branches = [...byFirst].map(([first, rests]) => escape(first) + trieSource(rests));
  if (branches.length === 0) return '';
  if (branches.length === 1 && !includesEmpty) return branches[0]!;
  return `(?:${branches.join('|')})${includesEmpty ? '?' : ''}`;
}

/**
 * For each keyword, the keywords it contains (itself included): a hit on `secret_access_key` is also
 * one on `key`. Each keyword's own substrings are looked up, not every other keyword: keywords are
 * short and there are hundreds of them, so this stays linear in their number at start-up.
 */
export function keywordsWithin(keywords: Iterable<string>): Map<string, string[]> {
  const list = [...new Set([...keywords].map((k) => k.toLowerCase()))];
  const order = new Map(list.map((k, i) => [k, i]));
  return new Map(
    list.map((k) => {
      const inner = new Set<string>();
      for (let start = 0; start < k.length; start++)
        for (let end = start + 1; end <= k.length; end++)
          if (order.has(k.slice(start, end))) inner.add(k.slice(start, end));
      // In the list's order, as callers rely on (it orders the detectors a hit wakes).
      return [k, [...inner].sort((a, b) => order.get(a)! - order.get(b)!)];
    }),
  );
}
