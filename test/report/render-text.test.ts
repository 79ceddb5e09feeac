import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/report/render-text.js';
import { expectMatchesFile } from './expect-file.js';
import { emptyResult, sampleDetectors, sampleResult } from './fixtures.js';

describe('renderText', () => {
  it('groups findings by file, says what to do once per detector, lists notices and sums up', () => {
    expectMatchesFile(renderText(sampleResult, { color: false, detectors: sampleDetectors }), 'text.txt');
  });

  it('is one calm line when nothing was found or skipped', () => {
    expect(renderText(emptyResult, { color: false, detectors: sampleDetectors })).toBe(
      'No keys found · scanned 3 files (812 B) in 7 ms\n',
    );
  });

  it('still lists notices when nothing was found', () => {
    const result = {
      ...emptyResult,
      notices: sampleResult.notices.slice(0, 1),
      stats: { ...emptyResult.stats, skipped: 1 },
    };
    expect(renderText(result, { color: false, detectors: [] })).toBe(
      '1 notice (1 too-large)\n' +
        '  dumps/big dump.sql  too-large  File is 12.0 MB, over the 1.0 MB limit.\n' +
        '\n' +
        'No keys found · scanned 3 files (812 B), 1 skipped in 7 ms\n',
    );
  });

  it('prints no escape codes without colour, and the same text under them with colour', () => {
    const plain = renderText(sampleResult, { color: false, detectors: sampleDetectors });
    const coloured = renderText(sampleResult, { color: true, detectors: sampleDetectors });
    expect(plain).not.toContain('\u001b[');
    expect(coloured).not.toBe(plain);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
    // critical is bold red, the path bold: the two looks a reader scans for first.
    expect(coloured).toContain('\u001b[1m\u001b[31mcritical');
    expect(coloured).toContain('\u001b[1m.env\u001b[22m');
  });

  it('shows the commit, author and date of a history finding, and counts commits in the summary', () => {
    const result = { ...sampleResult, stats: { ...sampleResult.stats, commits: 5, durationMs: 61_400 } };
    const text = renderText(result, { color: false, detectors: sampleDetectors });
    expect(text).toContain('in commit c0ffeec0ffee by Ada Lovelace <ada@example.com> on 2024-05-01T10:00:00Z');
    expect(text.trimEnd().split('\n').at(-1)).toBe(
      '5 findings in 3 files · scanned 14 files (123.5 kB), 5 commits, 3 skipped in 1 min 1 s',
    );
  });

  it('falls back to generic advice for a finding whose detector was not passed in', () => {
    const text = renderText(sampleResult, { color: false, detectors: [] });
    expect(text).toContain('  OpenAI admin key (openai-admin-key)\n    Revoke the key with its provider');
  });
});
