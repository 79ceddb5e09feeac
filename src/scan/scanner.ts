import type { Detector } from '../detectors/detector.js';
import type { RegexMatch } from '../policy/config-regex.js';
import type { Finding, Fragment } from '../types.js';
import { BASE64_TRIGGERS, decodeBase64Candidates } from './base64.js';
import { buildBytePrefilter } from './build-byte-prefilter.js';
import type { BytePrefilter, ByteHits } from './byte-prefilter.js';
import { shannonEntropy } from '../detectors/entropy.js';
import { confidenceOf } from '../detectors/confidence-of.js';
import { fingerprintSecret } from './fingerprint.js';
import { isPlaceholder } from '../detectors/placeholder.js';
import { buildPrefilter, keywordsWithin } from './prefilter.js';
import { redact } from './redact.js';
import {
  BASE64_AFTER,
  BASE64_BEFORE,
  LONGEST_MATCH,
  MULTILINE_WINDOW_AFTER,
  WINDOW_AFTER,
  WINDOW_BEFORE,
} from './scan-context.js';
import { hasInlineAllow, lineAround } from './lines.js';

/** Options that narrow what the scanner reports (from `.github/key-hygiene.yml`). */
export interface ScannerOptions {
  /**
   * Secrets or lines matching any of these are not reported. From a config they are RE2 patterns
   * (config-regex.ts); one that fails to answer allows nothing (fail closed).
   */
  allowRegexes?: readonly AllowRule[];
  /** Decode base64 values and scan what they hold, to this depth (0 turns it off). */
  base64Depth?: number;
  /**
   * Given each reported secret's raw value, before its finding is returned — the one way a raw
   * secret leaves the engine, so a front can mask it (the Action's core.setSecret) or ask its
   * provider whether it is live (src/scan/secret-vault.ts), with the id of the detector that found it.
   * Never print it.
   */
  onSecret?: (secret: string, detector: string) => void;
}

/** An allow rule: a RegExp or a config's RE2 pattern. */
export interface AllowRule {
  test(text: string): boolean;
}

interface Window {
  start: number;
  end: number;
}

interface Candidate {
  detector: Detector;
  secret: string;
  index: number;
  decodedFrom?: 'base64';
}

/** The largest text whose bytes go through the scanner's reused buffer; a longer one gets its own. */
const SCRATCH_LIMIT = 4 * 1024 * 1024;

const DEFAULT_PREFIX = /^(?:[A-Za-z]{1,8}[0-9]{0,2}[-_]){1,3}/;

/**
 * Keyword hits in a text: `keyword[i]` indexes the scanner's `prefilter.keywords`, `start[i]` is a
 * string offset (UTF-16 unit) in the text. The shape of the byte prefilter's hits (ByteHits).
 */
export type KeywordHits = ByteHits;

/** The scan function of a detector set: fragment in, redacted findings out. */
export interface FragmentScanner {
  (fragment: Fragment): Finding[];
  /**
   * The same, for a fragment whose keyword hits were found beforehand with `prefilter`, as offsets
   * in `fragment.text` (so the text is not searched again). The hits are read before it returns.
   */
  withHits(fragment: Fragment, hits: KeywordHits): Finding[];
  /** The keyword matcher the hits come from: a text it finds nothing in holds no finding, unless `needsEveryText`. */
  readonly prefilter: BytePrefilter;
  /** A detector without keywords looks at every text, so a text without a hit must still be scanned. */
  readonly needsEveryText: boolean;
}

/** The keyword index of a detector set: one prefilter, and which detectors each hit wakes. */
function indexDetectors(detectors: readonly Detector[]) {
  const byKeyword = new Map<string, Detector[]>();
  for (const d of detectors)
    for (const k of d.keywords) {
      const key = k.toLowerCase();
      byKeyword.set(key, [...(byKeyword.get(key) ?? []), d]);
    }
  const prefilter = buildBytePrefilter([...byKeyword.keys(), ...BASE64_TRIGGERS]);
  const keywords = prefilter.keywords;
  // The prefilter reports the longest keyword at a place; it stands for every keyword inside it.
  // Hits name keywords by their index in `prefilter.keywords`.
  const within = keywordsWithin(keywords);
  const detectorsByHit = keywords.map((k) => [...new Set(within.get(k)!.flatMap((i) => byKeyword.get(i) ?? []))]);
  const base64Hits = keywords.map((k) => within.get(k)!.some((i) => BASE64_TRIGGERS.includes(i)));
  return { prefilter, stringPrefilter: buildPrefilter(keywords), keywords, detectorsByHit, base64Hits };
}

/** Builds the scan function for a set of detectors: fragment in, redacted findings out. */
export function createScanner(detectors: readonly Detector[], options: ScannerOptions = {}): FragmentScanner {
  const { prefilter, stringPrefilter, keywords, detectorsByHit, base64Hits } = indexDetectors(detectors);
  const keywordIndex = new Map(keywords.map((k, i) => [k, i]));
  const unkeyed = detectors.filter((d) => d.keywords.length === 0);
  const allow = options.allowRegexes ?? [];
  const base64Depth = options.base64Depth ?? 2;
  let scratch = Buffer.alloc(0);

  /**
   * The keyword hits in a text, by the byte prefilter (the one matcher every source uses) when the
   * text is ASCII: one byte a character, so byte offsets are string offsets. Other text (rare in
   * code) goes through the string prefilter, which gives the same hits over strings.
   */
  function hitsIn(text: string): KeywordHits {
    // One pass encodes and tells ASCII apart: with room for 4 bytes more than characters, the
    // UTF-8 bytes written equal the characters only when every character is one byte.
    if (text.length + 4 <= SCRATCH_LIMIT) {
      if (scratch.length < text.length + 4) scratch = Buffer.allocUnsafe(Math.min(SCRATCH_LIMIT, 2 * text.length + 4));
      const written = scratch.write(text, 'utf8');
      if (written === text.length) return prefilter.scan(scratch.subarray(0, written));
    } else if (Buffer.byteLength(text) === text.length) {
      return prefilter.scan(Buffer.from(text, 'latin1'));
    }
    const hits = stringPrefilter(text);
    return {
      count: hits.length,
      keyword: Uint32Array.from(hits, (h) => keywordIndex.get(h.keyword)!),
      start: Uint32Array.from(hits, (h) => h.index),
    };
  }

  function candidatesIn(text: string, path: string, depth: number, given?: KeywordHits): Candidate[] {
    // Both read the hits before anything scans again (the prefilter may reuse its result).
    const hits = given ?? hitsIn(text);
    const byDetector = windowsByDetector(hits, detectorsByHit, text.length);
    const base64 = depth === base64Depth ? base64Regions(hits, base64Hits, text.length) : [];
    const found: Candidate[] = [];
    for (const [detector, windows] of byDetector) {
      for (const w of windows) matchWindow(detector, text, w, path, found);
    }
    for (const d of unkeyed) matchWindow(d, text, { start: 0, end: text.length }, path, found);
    // Decoded text is small and was already found encoded: look inside all of it again. Otherwise
    // only near the words that say encoded data follows (a Secret's `data:`, `auths`, `base64`).
    if (depth > 0) {
      const regions = depth < base64Depth ? [{ start: 0, end: text.length }] : base64;
      for (const region of regions) {
        for (const decoded of decodeBase64Candidates(text, region.start, region.end)) {
          if (hasInlineAllow(lineAround(text, decoded.index))) continue;
          for (const c of candidatesIn(decoded.text, path, depth - 1)) {
            found.push({ ...c, index: decoded.index, decodedFrom: 'base64' });
          }
        }
      }
    }
    return found;
  }

  function matchWindow(detector: Detector, text: string, w: Window, path: string, out: Candidate[]): void {
    const slice = text.slice(w.start, w.end);
    const matches = detector.matcher
      ? detector.matcher.matchAll(slice)
      : nativeMatches(detector.pattern, text, w, slice);
    for (const m of matches) {
      const secret = m.secret;
      if (!secret) continue;
      const index = w.start + m.secretIndex!;
      if (accept(detector, secret, m.text, lineAround(text, index), path)) out.push({ detector, secret, index });
    }
  }

  function accept(d: Detector, secret: string, match: string, line: string, path: string): boolean {
    const prefix = prefixOf(d, secret);
    if (!d.allowPlaceholderLike && isPlaceholder(secret.slice(prefix.length))) return false;
    if (d.minEntropy !== undefined && shannonEntropy(secret) < d.minEntropy) return false;
    if (d.validate && !d.validate(secret, { match, line, path })) return false;
    if (hasInlineAllow(line)) return false;
    return !allow.some((rule) => allows(rule, secret, line));
  }

  function scanFragment(fragment: Fragment, hits?: KeywordHits): Finding[] {
    // Overlaps are dropped before ownership is applied, so a key the neighbour reports still hides
    // the shorter matches inside it here.
    const candidates = ownedBy(fragment, dropOverlaps(candidatesIn(fragment.text, fragment.path, base64Depth, hits)));
    const positions = positionsOf(
      fragment,
      candidates.map((c) => c.index),
    );
    if (options.onSecret) for (const c of candidates) options.onSecret(c.secret, c.detector.id);
    return candidates.map((c, i) => toFinding(c, fragment, positions[i]!));
  }
  return Object.assign((fragment: Fragment) => scanFragment(fragment), {
    withHits: scanFragment,
    prefilter,
    needsEveryText: unkeyed.length > 0,
  });
}

/**
 * A built-in detector's global RegExp over one window, run as it always was (ours, reviewed, linear
 * by construction). Indexes are in the window's `slice`.
 */
function* nativeMatches(re: RegExp, text: string, w: Window, slice: string): Generator<RegexMatch> {
  re.lastIndex = 0;
  for (let found = re.exec(slice); found; found = re.exec(slice)) {
    if (found[0].length === 0) re.lastIndex++;
    let m = found;
    // A key longer than the window (a JWT with a big payload) would be cut where the window ends:
    // match it again from its start over as much text as any key can take.
    if (found.index + found[0].length === slice.length && w.end < text.length) {
      m = matchAt(re, text, w.start + found.index) ?? found;
      re.lastIndex = slice.length;
    }
    const secret = m.groups?.secret;
    yield {
      index: found.index,
      text: m[0],
      ...(secret && { secret, secretIndex: found.index + m[0].indexOf(secret) }),
    };
  }
}

/** Fail closed: a rule that throws instead of answering allows nothing, and the key is reported. */
function allows(rule: AllowRule, secret: string, line: string): boolean {
  try {
    return rule.test(secret) || rule.test(line);
  } catch {
    return false;
  }
}

/** Merged regions after the base64 trigger words, where encoded values are looked for. */
function base64Regions(hits: KeywordHits, triggers: readonly boolean[], length: number): Window[] {
  const regions: Window[] = [];
  for (let i = 0; i < hits.count; i++) {
    if (!triggers[hits.keyword[i]!]) continue;
    addWindow(regions, hits.start[i]! - BASE64_BEFORE, hits.start[i]! + BASE64_AFTER, length);
  }
  return regions;
}

/** Groups keyword hits into merged windows per detector, so each region is matched once. */
function windowsByDetector(hits: KeywordHits, byKeyword: readonly Detector[][], length: number) {
  const result = new Map<Detector, Window[]>();
  for (let i = 0; i < hits.count; i++) {
    const index = hits.start[i]!;
    for (const d of byKeyword[hits.keyword[i]!]!) {
      const before = d.window?.before ?? WINDOW_BEFORE;
      const after =
        d.window?.after ?? (d.pattern.multiline || d.pattern.dotAll ? MULTILINE_WINDOW_AFTER : WINDOW_AFTER);
      const list = result.get(d) ?? [];
      if (list.length === 0) result.set(d, list);
      addWindow(list, index - before, index + after, length);
    }
  }
  return result;
}

/** Adds [start, end) clamped to the text, merged into the last window when they touch (hits come in order). */
function addWindow(list: Window[], start: number, end: number, length: number): void {
  const w = { start: Math.max(0, start), end: Math.min(length, end) };
  const last = list[list.length - 1];
  if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
  else list.push(w);
}

/**
 * The same secret can be matched by several detectors or from overlapping windows. Keep one per
 * span: a provider detector wins over the generic one, and the earlier match wins otherwise.
 */
function dropOverlaps(candidates: Candidate[]): Candidate[] {
  const rank = (c: Candidate) => (c.detector.provider === 'generic' ? 1 : 0);
  const sorted = [...candidates].sort((a, b) => rank(a) - rank(b) || a.index - b.index);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  return kept.sort((a, b) => a.index - b.index);
}

/** The match of `re` that starts at `at` in `text`, read over at most LONGEST_MATCH characters. */
function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | undefined {
  re.lastIndex = 0;
  const m = re.exec(text.slice(at, at + LONGEST_MATCH));
  return m?.index === 0 ? m : undefined;
}

/** The candidates a piece of a larger text reports: those starting in its own part (see Fragment.reportFrom). */
function ownedBy(fragment: Fragment, candidates: Candidate[]): Candidate[] {
  const from = fragment.reportFrom ?? 0;
  const to = fragment.reportTo ?? fragment.text.length;
  return from === 0 && to >= fragment.text.length
    ? candidates
    : candidates.filter((c) => c.index >= from && c.index < to);
}

function overlaps(a: Candidate, b: Candidate): boolean {
  return a.index < b.index + b.secret.length && b.index < a.index + a.secret.length;
}

function prefixOf(d: Detector, secret: string): string {
  return d.redactPrefix ? d.redactPrefix(secret) : (DEFAULT_PREFIX.exec(secret)?.[0] ?? '');
}

function toFinding(c: Candidate, fragment: Fragment, { line, column }: Position): Finding {
  const d = c.detector;
  return {
    detector: d.id,
    provider: d.provider,
    keyKind: d.keyKind,
    severity: d.severity,
    confidence: confidenceOf(d),
    path: fragment.path,
    line,
    column,
    endColumn: column + c.secret.length,
    ...(fragment.commit && { commit: fragment.commit }),
    ...(fragment.author && { author: fragment.author }),
    ...(fragment.email && { email: fragment.email }),
    ...(fragment.date && { date: fragment.date }),
    fingerprint: fingerprintSecret(d.id, c.secret),
    redacted: redact(c.secret, prefixOf(d, c.secret)),
    ...(c.decodedFrom && { decodedFrom: c.decodedFrom }),
  };
}

interface Position {
  line: number;
  column: number;
}

/**
 * 1-based line and column of each offset (sorted ascending), honouring diff fragments' own line
 * numbers. One sweep over the text for all of them: a 4 MB chunk may hold hundreds of findings.
 */
function positionsOf(fragment: Fragment, offsets: readonly number[]): Position[] {
  const text = fragment.text;
  let lineIdx = 0;
  let lineStart = 0;
  let next = text.indexOf('\n');
  return offsets.map((offset) => {
    while (next !== -1 && next < offset) {
      lineIdx++;
      lineStart = next + 1;
      next = text.indexOf('\n', lineStart);
    }
    const column = offset - lineStart + 1 + (lineIdx === 0 ? (fragment.startColumn ?? 0) : 0);
    return { line: fragment.lineNumbers?.[lineIdx] ?? fragment.startLine + lineIdx, column };
  });
}
