import { describe, expect, it } from 'vitest';
import { buildJsonReport, renderJson } from '../../src/report/render-json.js';
import type { Finding } from '../../src/types.js';
import { expectMatchesFile } from './expect-file.js';
import { emptyResult, sampleResult } from './fixtures.js';

describe('renderJson', () => {
  it('writes a stable document: version, sorted findings, notices, stats', () => {
    expectMatchesFile(renderJson(sampleResult), 'report.json');
  });

  it('does not depend on the order the sources yielded in', () => {
    const shuffled = {
      ...sampleResult,
      findings: [...sampleResult.findings].reverse(),
      notices: [...sampleResult.notices].reverse(),
    };
    expect(renderJson(shuffled)).toBe(renderJson(sampleResult));
  });

  it('writes an empty report with the same shape', () => {
    expect(buildJsonReport(emptyResult)).toEqual({
      version: 1,
      findings: [],
      notices: [],
      stats: { files: 3, bytes: 812, commits: 0, skipped: 0, durationMs: 7 },
    });
  });

  it('keeps only the documented finding fields, so a stray raw value cannot ride along', () => {
    const leaky = { ...sampleResult.findings[1], secret: 'RAW-VALUE-THAT-MUST-NOT-APPEAR' } as Finding;
    const json = renderJson({ ...emptyResult, findings: [leaky] });
    expect(json).not.toContain('RAW-VALUE');
    expect(Object.keys(JSON.parse(json).findings[0])).toEqual([
      'detector',
      'provider',
      'keyKind',
      'severity',
      'confidence',
      'path',
      'line',
      'column',
      'endColumn',
      'fingerprint',
      'redacted',
    ]);
  });
});
