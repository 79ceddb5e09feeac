import { describe, expect, it } from 'vitest';
import { buildSarifLog, renderSarif } from '../../src/report/render-sarif.js';
import { toSarifUri } from '../../src/report/sarif-uri.js';
import { expectMatchesFile } from './expect-file.js';
import { emptyResult, sampleDetectors, sampleResult } from './fixtures.js';

const options = { detectors: sampleDetectors, toolVersion: '0.1.0' };

describe('renderSarif', () => {
  it('writes one run with a rule per detector and a result per finding', () => {
    expectMatchesFile(renderSarif(sampleResult, options), 'report.sarif.json');
  });

  it('writes an empty run that still lists every rule', () => {
    expectMatchesFile(renderSarif(emptyResult, options), 'empty.sarif.json');
  });

  it('maps severity to level and to the security-severity GitHub ranks by', () => {
    const rules = buildSarifLog(emptyResult, options).runs[0]?.tool.driver.rules ?? [];
    expect(rules.map((r) => [r.id, r.defaultConfiguration?.level, r.properties?.['security-severity']])).toEqual([
      ['example-low-token', 'warning', '3.0'],
      ['example-note-token', 'note', '1.0'],
      ['openai-admin-key', 'error', '9.5'],
      ['openai-project-key', 'error', '8.0'],
    ]);
  });

  it('points each result at its rule by index, and adds a rule for a detector that was not passed in', () => {
    const run = buildSarifLog(sampleResult, { detectors: sampleDetectors.slice(0, 1), toolVersion: '0.1.0' }).runs[0]!;
    const rules = run.tool.driver.rules ?? [];
    for (const r of run.results ?? []) expect(rules[r.ruleIndex ?? -1]?.id).toBe(r.ruleId);
    expect(rules.map((r) => r.id)).toEqual([
      'example-low-token',
      'example-note-token',
      'openai-admin-key',
      'openai-project-key',
    ]);
  });

  it('writes URIs that decodeURIComponent turns back into the relative path', () => {
    const run = buildSarifLog(sampleResult, options).runs[0]!;
    const uris = (run.results ?? []).map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '');
    expect(uris.map(decodeURIComponent)).toEqual([
      '.env',
      '.env',
      'config/app settings/café.yml',
      'src/legacy.ts',
      'src/legacy.ts',
    ]);
    expect(uris[2]).toBe('config/app%20settings/caf%C3%A9.yml');
  });

  it('declares %SRCROOT% as a file URL ending in a slash when the root is known', () => {
    const run = buildSarifLog(emptyResult, { ...options, root: '/home/me/my repo' }).runs[0]!;
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///home/me/my%20repo/' } });
  });
});

describe('toSarifUri', () => {
  it.each([
    ['src/a.ts', 'src/a.ts'],
    ['./src/a.ts', 'src/a.ts'],
    ['dir with space/ñ.env', 'dir%20with%20space/%C3%B1.env'],
    ['weird/#hash?q=1%.txt', 'weird/%23hash%3Fq%3D1%25.txt'],
    ['c:/x', 'c%3A/x'],
    ['日本/鍵.txt', '%E6%97%A5%E6%9C%AC/%E9%8D%B5.txt'],
  ])('%s → %s, and back', (path, uri) => {
    expect(toSarifUri(path)).toBe(uri);
    expect(decodeURIComponent(uri)).toBe(path.replace(/^\.\//, ''));
  });
});
