import type { Confidence, Finding, ScanResult } from '../types.js';

/** Every confidence, surest first: `--min-confidence X` keeps X and those before it. */
export const CONFIDENCES: readonly Confidence[] = ['high', 'medium', 'low'];

/**
 * True when a finding of confidence `c` clears the bar `min`. Fail closed: a finding that carries no
 * confidence (made by an older engine, or a value no level names) always clears it, never hidden.
 */
export function meetsConfidence(c: Confidence, min: Confidence): boolean {
  return CONFIDENCES.indexOf(c) <= CONFIDENCES.indexOf(min);
}

/**
 * The result without the findings below `min`, counted in `stats.belowConfidence` so reports can say
 * how many the bar hid. `low` keeps everything and leaves the result as it was.
 */
export function applyMinConfidence(result: ScanResult, min: Confidence): ScanResult {
  if (min === 'low') return result;
  const kept: Finding[] = result.findings.filter((f) => meetsConfidence(f.confidence, min));
  const hidden = result.findings.length - kept.length;
  return { ...result, findings: kept, stats: { ...result.stats, belowConfidence: { min, hidden } } };
}
