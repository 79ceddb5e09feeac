import { describe, expect, it } from 'vitest';
import { ALNUM } from '../../src/detectors/alphabets.js';
import { confidenceOf } from '../../src/detectors/confidence-of.js';
import { detectors } from '../../src/detectors/registry.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { createScanner } from '../../src/scan/scanner.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import { seededRng } from '../support/seeded-rng.js';

const byId = (id: string) => detectors.find((d) => d.id === id)!;
const example = (id: string) => byId(id).examples.positive(seededRng(5))[0]!;
const secretOf = (id: string, text: string) => {
  const d = byId(id);
  d.pattern.lastIndex = 0;
  return d.pattern.exec(text)?.groups?.secret ?? text;
};

describe('every detector has a confidence', () => {
  it.each(detectors.map((d) => [d.id, d] as const))('%s resolves to high, medium or low', (_id, d) => {
    expect(['high', 'medium', 'low']).toContain(confidenceOf(d));
  });

  const high = detectors.filter((d) => confidenceOf(d) === 'high');

  it('says high only where validate checks a checksum: changing one character of a real key fails it', () => {
    expect(high.map((d) => d.id).sort()).toEqual(
      expect.arrayContaining(['cloudflare-api-token', 'github-refresh-token', 'github-token', 'npm-access-token']),
    );
    for (const d of high) {
      expect(d.validate, d.id).toBeDefined();
      for (const key of d.examples.positive(seededRng(11))) {
        const secret = secretOf(d.id, key);
        const context = { match: secret, line: secret, path: 'a.env' };
        expect(d.validate!(secret, context), `${d.id} accepts its own example`).toBe(true);
        // The last character belongs to the checksum (or the body it covers): a different one must fail.
        const last = secret.at(-1)!;
        const tampered = secret.slice(0, -1) + (last === 'A' ? 'B' : 'A');
        expect(d.validate!(tampered, { ...context, match: tampered, line: tampered }), `${d.id} checks`).toBe(false);
      }
    }
  });

  it('defaults the generic group to low and vendor formats to medium', () => {
    expect(confidenceOf({ provider: 'generic' })).toBe('low');
    expect(confidenceOf({ provider: 'openai' })).toBe('medium');
    expect(confidenceOf({ provider: 'other' })).toBe('medium');
    expect(confidenceOf({ provider: 'custom' })).toBe('medium');
    expect(confidenceOf({ provider: 'generic', confidence: 'medium' })).toBe('medium');
    expect(confidenceOf(byId('generic-secret'))).toBe('low');
    expect(confidenceOf(byId('aws-secret-access-key'))).toBe('low');
    expect(confidenceOf(byId('openai-project-key'))).toBe('medium');
  });
});

describe('findings carry their detector’s confidence', () => {
  const scan = createScanner(detectors);

  it('checksum-verified, vendor-format and name-only findings each say so', () => {
    const text = [
      `GITHUB_TOKEN=${example('github-token')}`,
      `OPENAI_API_KEY=${example('openai-project-key')}`,
      `db_password = "${seededRng(9).string(`${ALNUM}#!@`, 18)}"`,
    ].join('\n');
    const found = scan({ path: 'app.env', text, startLine: 1 }).map((f) => [f.detector, f.confidence]);
    expect(found).toEqual([
      ['github-token', 'high'],
      ['openai-project-key', 'medium'],
      ['generic-secret', 'low'],
    ]);
  });

  it('keeps the confidence of a key found inside a base64 value', () => {
    const encoded = Buffer.from(`GITHUB_TOKEN=${example('github-token')}\n`).toString('base64');
    const findings = scan({ path: 'secret.yml', text: `kind: Secret\ndata:\n  env: ${encoded}\n`, startLine: 1 });
    expect(findings.map((f) => [f.detector, f.decodedFrom, f.confidence])).toEqual([
      ['github-token', 'base64', 'high'],
    ]);
  });

  it("gives a repository's own detector medium, or what its config says", () => {
    const config = (extra: string[]) =>
      parseConfig(
        [
          'scan:',
          '  detectors:',
          '    - id: acme-token',
          '      key-kind: Acme token',
          "      pattern: 'acme_(?<secret>[a-z0-9]{24})'",
          '      keywords: [acme_]',
          ...extra,
        ].join('\n'),
      );
    const text = 'ACME=acme_a1b2c3d4e5f6g7h8i9j0k1l2\n';
    const confidenceWith = (extra: string[]) =>
      createScannerForConfig(config(extra))({ path: 'a.env', text, startLine: 1 }).map((f) => f.confidence);
    expect(confidenceWith([])).toEqual(['medium']);
    expect(confidenceWith(['      confidence: high'])).toEqual(['high']);
    expect(confidenceWith(['      confidence: low'])).toEqual(['low']);
    expect(() => config(['      confidence: certain'])).toThrow(/confidence/);
  });
});
