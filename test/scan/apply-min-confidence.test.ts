import { describe, expect, it } from 'vitest';
import { applyMinConfidence, meetsConfidence } from '../../src/scan/apply-min-confidence.js';
import type { Confidence, Finding, ScanResult } from '../../src/types.js';

const finding = (detector: string, confidence: Confidence): Finding => ({
  detector,
  provider: 'other',
  keyKind: detector,
  severity: 'high',
  confidence,
  path: `${detector}.env`,
  line: 1,
  column: 1,
  endColumn: 10,
  fingerprint: 'f'.repeat(64),
  redacted: 'x…abcd',
});

const result = (findings: Finding[]): ScanResult => ({
  findings,
  notices: [],
  stats: { files: 1, bytes: 10, commits: 0, skipped: 0, durationMs: 1 },
});

describe('applyMinConfidence', () => {
  const all = [finding('a', 'high'), finding('b', 'medium'), finding('c', 'low')];

  it('keeps the bar and every surer level, and counts the rest', () => {
    const medium = applyMinConfidence(result(all), 'medium');
    expect(medium.findings.map((f) => f.detector)).toEqual(['a', 'b']);
    expect(medium.stats.belowConfidence).toEqual({ min: 'medium', hidden: 1 });
    expect(applyMinConfidence(result(all), 'high').stats.belowConfidence).toEqual({ min: 'high', hidden: 2 });
  });

  it('leaves the result as it was at low, the default', () => {
    const same = result(all);
    expect(applyMinConfidence(same, 'low')).toBe(same);
  });

  it('never hides a finding whose confidence no level names (fail closed)', () => {
    const odd = { ...finding('d', 'low'), confidence: undefined } as unknown as Finding;
    const weird = { ...finding('e', 'low'), confidence: 'certain' } as unknown as Finding;
    const kept = applyMinConfidence(result([odd, weird, finding('c', 'low')]), 'high');
    expect(kept.findings.map((f) => f.detector)).toEqual(['d', 'e']);
    expect(meetsConfidence('medium', 'high')).toBe(false);
  });
});
