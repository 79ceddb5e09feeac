import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseDuration, parseSize } from '../../src/policy/duration.js';
import { ConfigError, parseConfig } from '../../src/policy/parse-config.js';

describe('parseConfig', () => {
  it('fills defaults, and the written-out defaults match the schema', () => {
    expect(parseConfig('')).toEqual(defaultConfig);
    expect(configSchema.parse({})).toEqual(defaultConfig);
  });

  it('reads the policy the Action and the App share', () => {
    const config = parseConfig(
      [
        'keys:',
        '  - secret: OPENAI_API_KEY',
        '    provider: openai',
        '    environments: [development, staging, production]',
        '    rotate-every: 90d',
        '    remind-before: 14d',
        "    owners: ['@acme/ml-platform']",
        'scan:',
        '  allow: { paths: ["test/fixtures/**"] }',
        '  severity: { stripe-test-key: medium }',
        'escalate-to: ["@acme/security"]',
        'onboarding: pull-request',
      ].join('\n'),
    );
    expect(config.keys[0]).toMatchObject({
      secret: 'OPENAI_API_KEY',
      environments: ['development', 'staging', 'production'],
      owners: ['@acme/ml-platform'],
    });
    expect(config.scan.allow.paths).toEqual(['test/fixtures/**']);
    expect(config.onboarding).toBe('pull-request');
  });

  it.each([
    [
      'keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: soon\n',
      'field \'keys.0.rotate-every\' is "soon": expected a duration',
    ],
    ['scan:\n  disable: yes\n', 'field \'scan.disable\' is "yes": Invalid input: expected array'],
    [
      'scan:\n  allow:\n    regexes: ["(unclosed"]\n',
      'field \'scan.allow.regexes.0\' is "(unclosed": expected a regular expression in RE2 syntax (missing closing ))',
    ],
    [
      'scan:\n  detectors:\n    - id: acme\n      key-kind: Acme\n      pattern: "acme_[a-z]{8}"\n',
      'expected a named group (?<secret>…)',
    ],
    ['keys:\n  - secret: OPENAI_API_KEY\n    enviroments: [prod]\n', "unknown field 'keys.0.enviroments'"],
    ['onboarding: always\n', 'field \'onboarding\' is "always"'],
    ['scan: [\n', 'not valid YAML'],
  ])('rejects %j naming the field and the value', (text, message) => {
    expect(() => parseConfig(text, 'cfg.yml')).toThrow(ConfigError);
    expect(() => parseConfig(text, 'cfg.yml')).toThrow(message);
  });
});

describe('durations and sizes', () => {
  it('parses what a person writes', () => {
    expect(parseDuration('90d')).toBe(90 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(parseDuration('12h')).toBe(12 * 3_600_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseSize('10MB')).toBe(10 * 1024 * 1024);
    expect(parseSize('512kb')).toBe(512 * 1024);
    expect(parseSize('12 GB')).toBe(12 * 1024 ** 3);
    expect(parseSize('lots')).toBeUndefined();
  });
});

describe('org-secrets-repo', () => {
  it("defaults to the organisation's .github repository and takes another repository name", () => {
    expect(parseConfig('')['org-secrets-repo']).toBe('.github');
    expect(parseConfig('org-secrets-repo: security')['org-secrets-repo']).toBe('security');
  });

  it('refuses an owner/name or a path, naming the field and the value', () => {
    expect(() => parseConfig('org-secrets-repo: acme/security')).toThrow(
      'field \'org-secrets-repo\' is "acme/security": expected a repository name in the organisation',
    );
  });
});
