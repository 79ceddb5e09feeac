import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { ConfigError, parseConfig, validateConfig } from '../../src/policy/parse-config.js';
import { rotationFor } from '../../src/policy/rotation.js';
import { makeKey } from '../support/make-keys.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

/** The key never comes back whole, nor any long piece of it; the message stays one bounded line. */
function expectMasked(message: string, key: string) {
  expect(message).not.toContain(key.slice(6, 26));
  expect(message.split('\n')).toHaveLength(1);
  expect(message.length).toBeLessThan(500);
}

describe('config errors never quote a key whole', () => {
  const github = makeKey('github-token', 3);
  const openai = makeKey('openai-project-key', 4);

  it.each([
    ['rotate-every', `rotate-every: ${github}\n`, "field 'rotate-every' is \"…"],
    [
      'a key policy field',
      `keys:\n  - secret: OPENAI_API_KEY\n    remind-before: "${openai}"\n`,
      "field 'keys.0.remind-before' is \"…",
    ],
    ['a field name', `${github}: 1\n`, "unknown field '…"],
    ['a severity map key', `scan:\n  severity: { "${openai}": high }\n`, "field 'scan.severity.…"],
    ['a key after a newline', `rotate-every: "\\n${github}"\n`, 'is "\\n…'],
    [
      'a key across the quoted length',
      `rotate-every: "${'x '.repeat(25)}${openai}"\n`,
      "field 'rotate-every' is \"x x",
    ],
    ['an allow regex RE2 refuses', `scan:\n  allow:\n    regexes: ['(?<=x)${github}']\n`, 'look-around'],
    [
      'a detector pattern',
      `scan:\n  detectors:\n    - id: acme\n      key-kind: Acme\n      pattern: '${openai}'\n`,
      'expected a named group',
    ],
  ])('masks a key in %s', (_, text, shown) => {
    const message = messageOf(() => parseConfig(text));
    expectMasked(message, text.includes(github) ? github : openai);
    expect(message).toContain(shown);
  });

  it('masks keys in what Probot hands the App (already parsed), nested values included', () => {
    const message = messageOf(() => validateConfig({ keys: [{ secret: 'A_KEY', owners: [{ who: github }] }] }));
    expectMasked(message, github);
    expect(message).toContain(`…${github.slice(-4)}`);
  });

  it('escapes control characters in field names and values', () => {
    const message = messageOf(() => validateConfig({ 'evil\n::error::x\u001b[2J': 1 }));
    expect(message).toBe(".github/key-hygiene.yml: unknown field 'evil\\n::error::x\\u001b[2J'");
    expect(messageOf(() => validateConfig({ 'rotate-every': 'soon\u202e\u0007' }))).toContain('"soon\\u202e\\u0007"');
  });

  it("masks a key in a hand-built config's duration (one the schema never saw)", () => {
    expect(() => rotationFor(undefined, { ...defaultConfig, 'rotate-every': github })).toThrow(
      /^'…\S{4}' is not a duration/,
    );
  });
});
