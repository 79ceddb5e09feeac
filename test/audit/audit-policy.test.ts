import { describe, expect, it } from 'vitest';
import { auditPolicyFor } from '../../src/audit/audit-policy.js';
import { parseConfig } from '../../src/policy/parse-config.js';

describe('auditPolicyFor', () => {
  it('defaults: rotate-every from the top level, unused-after 30d, spike 10× over 100 requests or 100,000 tokens', () => {
    expect(auditPolicyFor(parseConfig('rotate-every: 60d'), 'openai')).toEqual({
      rotateEvery: 60 * 86_400,
      unusedAfter: 30 * 86_400,
      spike: { factor: 10, minRequests: 100, minTokens: 100_000 },
    });
  });

  it('a provider section overrides each field it names, for that provider only', () => {
    const config = parseConfig(
      [
        'providers:',
        '  openai:',
        '    rotate-every: 30d',
        '    unused-after: 2w',
        '    spike: { factor: 4, min-requests: 20 }',
      ].join('\n'),
    );
    expect(auditPolicyFor(config, 'openai')).toEqual({
      rotateEvery: 30 * 86_400,
      unusedAfter: 14 * 86_400,
      spike: { factor: 4, minRequests: 20, minTokens: 100_000 },
    });
    expect(auditPolicyFor(config, 'anthropic').rotateEvery).toBe(90 * 86_400);
  });

  it('the section is strict: an unknown field or a bad value names the field', () => {
    expect(() => parseConfig('providers:\n  openai:\n    rotate_every: 30d')).toThrow(
      "unknown field 'providers.openai.rotate_every'",
    );
    expect(() => parseConfig('providers:\n  gemini: {}')).toThrow("unknown field 'providers.gemini'");
    expect(() => parseConfig('providers:\n  anthropic:\n    unused-after: soon')).toThrow(
      'field \'providers.anthropic.unused-after\' is "soon": expected a duration',
    );
    expect(() => parseConfig('providers:\n  openai:\n    spike: { factor: 0.5 }')).toThrow(
      "field 'providers.openai.spike.factor' is 0.5",
    );
  });
});
