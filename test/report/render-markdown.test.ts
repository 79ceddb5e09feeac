import { describe, expect, it } from 'vitest';
import { renderMarkdown, type MarkdownOptions } from '../../src/report/render-markdown.js';
import type { Finding } from '../../src/types.js';
import { expectMatchesFile } from './expect-file.js';
import { emptyResult, sampleDetectors, sampleResult } from './fixtures.js';

const options: MarkdownOptions = {
  detectors: sampleDetectors,
  scanned: 'push to main: 1a2b3c4..5d6e7f8',
  repositoryUrl: 'https://github.com/acme/app',
  commit: '5d6e7f8'.padEnd(40, '0'),
};

describe('renderMarkdown', () => {
  it('renders a row per finding linked to its commit and line, what was scanned and the skipped files', () => {
    expectMatchesFile(renderMarkdown(sampleResult, options), 'summary.md');
  });

  it('says so plainly when nothing was found', () => {
    expect(renderMarkdown(emptyResult, options)).toBe(
      '## Key Hygiene: no keys found\n\n**Scanned:** push to main: 1a2b3c4..5d6e7f8 — No keys found · scanned 3 files (812 B) in 7 ms\n',
    );
  });

  it('keeps text from commits from breaking the table or injecting markup', () => {
    const finding: Finding = { ...sampleResult.findings[0]!, author: 'Eve | <img src=x> [link](http://x)\nnext' };
    const row = renderMarkdown({ ...emptyResult, findings: [finding] }, options)
      .split('\n')
      .find((l) => l.startsWith('| ['))!;
    // The newline is shown written out (`\n`, its backslash escaped), not folded into a space.
    expect(row).toContain('Eve \\| &lt;img src=x&gt; \\[link\\](http://x)\\\\nnext');
    expect(row.split(' | ')).toHaveLength(7);
  });

  it('stays under the size cap and counts the rows it left out', () => {
    const many = Array.from({ length: 5000 }, (_, i): Finding => ({ ...sampleResult.findings[1]!, line: i + 1 }));
    const text = renderMarkdown({ ...sampleResult, findings: many }, { ...options, maxBytes: 64 * 1024 });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(64 * 1024);
    const shown = text.split('\n').filter((l) => l.startsWith('| [')).length;
    expect(shown).toBeGreaterThan(50);
    expect(text).toContain(`…and ${5000 - shown} more not shown`);
    expect(text).toContain('files skipped or noted');
  });

  it('fits the default 1 MiB cap with 20,000 findings', () => {
    const many = Array.from({ length: 20_000 }, (_, i): Finding => ({ ...sampleResult.findings[0]!, line: i + 1 }));
    expect(Buffer.byteLength(renderMarkdown({ ...emptyResult, findings: many }, options))).toBeLessThanOrEqual(
      1024 * 1024,
    );
  });
});
