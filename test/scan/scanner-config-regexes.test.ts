import { describe, expect, it } from 'vitest';
import { detectors as builtIn } from '../../src/detectors/registry.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { buildDetectors } from '../../src/scan/build-detectors.js';
import { createScanner } from '../../src/scan/scanner.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import { makeKey } from '../support/make-keys.js';

const config = (lines: string[]) => parseConfig(lines.join('\n'));
const acmeConfig = (pattern: string, extra: string[] = []) =>
  config([
    'scan:',
    '  detectors:',
    '    - id: acme-token',
    '      key-kind: Acme token',
    `      pattern: '${pattern}'`,
    ...extra,
  ]);

describe('repository regexes in the scanner', () => {
  it("runs our own detectors on RegExp and only the repository's on RE2", () => {
    const detectors = buildDetectors(acmeConfig('acme_(?<secret>[a-z0-9]{24})'));
    expect(builtIn.every((d) => d.matcher === undefined && d.pattern instanceof RegExp)).toBe(true);
    expect(detectors.filter((d) => d.matcher).map((d) => d.id)).toEqual(['acme-token']);
  });

  it("finds a custom detector's key at its line and column, after wide characters too", () => {
    const scan = createScannerForConfig(acmeConfig('acme_(?<secret>[a-z0-9]{24})', ['      keywords: [acme_]']));
    const findings = scan({
      path: 'a.ts',
      text: 'const a = 1;\nconst 😀 = "é acme_q8w7e6r5t4y3u2i1o9p8a7s6";\n',
      startLine: 1,
    });
    expect(findings).toMatchObject([{ detector: 'acme-token', line: 2, column: 'const 😀 = "é acme_'.length + 1 }]);
  });

  it("finds a key with the issue's hostile pattern, whatever follows it", () => {
    const scan = createScannerForConfig(acmeConfig('acme_(?<secret>(\\w+)+)!'));
    const text = `TOKEN = "acme_${'a'.repeat(40)}"\nOTHER = "acme_${'a'.repeat(200_000)}"\nREAL = acme_q8w7e6r5t4y3u2i1o9p8!\n`;
    expect(scan({ path: 'a.env', text, startLine: 1 }).map((f) => [f.detector, f.line])).toEqual([['acme-token', 3]]);
  });

  it("lets an RE2 allow regex hide a key, and runs the issue's hostile allow regex in linear time", () => {
    const key = makeKey('openai-project-key', 5);
    const text = `OPENAI_API_KEY=${key}\n`;
    const allowed = createScannerForConfig(config(['scan:', '  allow:', "    regexes: ['^OPENAI_API_KEY=']"]));
    expect(allowed({ path: '.env', text, startLine: 1 })).toEqual([]);
    const hostile = createScannerForConfig(config(['scan:', '  allow:', "    regexes: ['([A-Za-z0-9]+)+-$']"]));
    expect(hostile({ path: '.env', text, startLine: 1 }).map((f) => f.detector)).toEqual(['openai-project-key']);
  });

  it('fails closed: an allow rule that throws instead of answering hides nothing', () => {
    const key = makeKey('github-token', 6);
    const broken = {
      test: (): boolean => {
        throw new Error('cannot evaluate');
      },
    };
    const scan = createScanner(builtIn, { allowRegexes: [broken] });
    expect(scan({ path: 'a.sh', text: `export GH_TOKEN=${key}\n`, startLine: 1 }).map((f) => f.detector)).toEqual([
      'github-token',
    ]);
  });
});
