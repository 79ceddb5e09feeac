import { describe, expect, it } from 'vitest';
import { compileConfigRegex, ConfigRegexError, MAX_PATTERN_LENGTH } from '../../src/policy/config-regex.js';
import { ConfigError, parseConfig } from '../../src/policy/parse-config.js';

const matches = (pattern: string, text: string) => [...compileConfigRegex(pattern).matchAll(text)];

describe('compileConfigRegex (RE2)', () => {
  it('takes the JavaScript syntax configs are written in: (?<secret>…), \\u escapes, [^]', () => {
    expect(matches('acme_(?<secret>[a-z0-9]{8})', 'x = acme_q8w7e6r5, y = acme_a1s2d3f4')).toEqual([
      { index: 4, text: 'acme_q8w7e6r5', secret: 'q8w7e6r5', secretIndex: 9 },
      { index: 23, text: 'acme_a1s2d3f4', secret: 'a1s2d3f4', secretIndex: 28 },
    ]);
    expect(matches('(?P<secret>\\u0041+)', 'bAAb')).toMatchObject([{ secret: 'AA', secretIndex: 1 }]);
    expect(compileConfigRegex('a[^]b').test('a\nb')).toBe(true);
  });

  it('reports indices in UTF-16 code units, as the scanner counts columns', () => {
    const text = '😀 é acme_q8w7e6r5';
    expect(matches('acme_(?<secret>\\w+)', text)).toMatchObject([
      { index: text.indexOf('acme_'), secretIndex: text.indexOf('q8w') },
    ]);
  });

  it('matches case-insensitively with (?i) or ignoreCase, and case-sensitively otherwise', () => {
    expect(compileConfigRegex('^prod').test('Production')).toBe(false);
    expect(compileConfigRegex('(?i)^prod').test('Production')).toBe(true);
    expect(compileConfigRegex('^prod', { ignoreCase: true }).test('Production')).toBe(true);
  });

  it('runs a pattern that backtracks for hours on RegExp in linear time', () => {
    // Asserts the outcome only; on RegExp the first line alone would not return.
    expect(matches('acme_(?<secret>(\\w+)+)!', `TOKEN = "acme_${'a'.repeat(100_000)}"\n`)).toEqual([]);
    expect(compileConfigRegex('([A-Za-z0-9]+)+-$').test(`OPENAI_API_KEY=sk-proj-${'Ab3dE'.repeat(20_000)}`)).toBe(
      false,
    );
  });

  it.each([
    ['(?<=a)b', 'look-around and back-references are not supported (RE2 syntax)'],
    ['(?<!a)b', 'look-around and back-references are not supported (RE2 syntax)'],
    ['a(?=b)', 'look-around and back-references are not supported (RE2 syntax)'],
    ['a(?!b)', 'look-around and back-references are not supported (RE2 syntax)'],
    ['(a)\\1', 'look-around and back-references are not supported (RE2 syntax)'],
    ['a{1001}', 'expected a regular expression in RE2 syntax (invalid repeat count)'],
    ['(?<secret>\\w{1,1000})', 'too large to run on every file: 2003 RE2 instructions, at most 500'],
    ['a'.repeat(MAX_PATTERN_LENGTH + 1), `longer than ${MAX_PATTERN_LENGTH} characters`],
  ])('refuses a pattern RE2 cannot run or that is too large, saying why without quoting it (%#)', (pattern, reason) => {
    expect(() => compileConfigRegex(pattern)).toThrow(ConfigRegexError);
    expect(() => compileConfigRegex(pattern)).toThrow(reason);
  });
});

describe('config regexes in .github/key-hygiene.yml', () => {
  const error = (text: string) => {
    try {
      parseConfig(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    throw new Error('expected a ConfigError');
  };
  const detector = (pattern: string) =>
    `scan:\n  detectors:\n    - id: acme-token\n      key-kind: Acme token\n      pattern: '${pattern}'\n`;

  it('names the field and the pattern in one line when RE2 cannot run it', () => {
    expect(error(detector('(?<=a)(?<secret>b)'))).toBe(
      `.github/key-hygiene.yml: field 'scan.detectors.0.pattern' is "(?<=a)(?<secret>b)": look-around and back-references are not supported (RE2 syntax)`,
    );
    expect(error("scan:\n  allow:\n    regexes: ['x', '(a)\\1']\n")).toContain(
      `field 'scan.allow.regexes.1' is "(a)\\\\1": look-around`,
    );
    expect(error("track-names: ['_KEY$', '(?!x)']\n")).toContain("field 'track-names.1'");
    expect(error("production-environments: '(?<=p)rod'\n")).toContain("field 'production-environments'");
  });

  it('accepts the hostile patterns RE2 runs safely, and still wants a secret group', () => {
    expect(parseConfig(detector('acme_(?<secret>(\\w+)+)!')).scan.detectors[0]!.pattern).toBe(
      'acme_(?<secret>(\\w+)+)!',
    );
    expect(parseConfig(detector('acme_(?P<secret>\\w+)')).scan.detectors).toHaveLength(1);
    expect(error(detector('acme_(?<token>\\w+)'))).toContain('expected a named group (?<secret>…)');
  });

  it('quotes a long pattern cut short, on one line', () => {
    const message = error(detector(`(?<secret>a)${'b'.repeat(200)}\\1`));
    expect(message).toMatch(/is "\(\?<secret>a\)b+…": look-around/);
    expect(message.split('\n')).toHaveLength(1);
    expect(message.length).toBeLessThan(300);
  });

  it('refuses keywords too long to prefilter cheaply', () => {
    expect(error(`${detector('acme_(?<secret>\\w+)')}      keywords: ['${'a'.repeat(101)}']\n`)).toContain(
      "field 'scan.detectors.0.keywords.0'",
    );
  });
});
