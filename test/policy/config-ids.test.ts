import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/policy/parse-config.js';
import { buildDetectors } from '../../src/scan/build-detectors.js';

const acme = (id: string) => [
  `    - id: ${id}`,
  '      key-kind: Acme token',
  "      pattern: 'acme_(?<secret>[a-z0-9]{24})'",
];

describe('detector ids in .github/key-hygiene.yml', () => {
  it('refuses a custom detector that takes a built-in id', () => {
    expect(() => parseConfig(['scan:', '  detectors:', ...acme('github-token')].join('\n'))).toThrow(
      '.github/key-hygiene.yml: field \'scan.detectors.0.id\' is "github-token": a built-in detector has this id: choose another',
    );
  });

  it('refuses two custom detectors with one id', () => {
    expect(() =>
      parseConfig(['scan:', '  detectors:', ...acme('acme-token'), ...acme('acme-token')].join('\n')),
    ).toThrow('field \'scan.detectors.1.id\' is "acme-token": scan.detectors.0 already has this id');
  });

  it('refuses an id in disable: that names no detector', () => {
    expect(() => parseConfig('scan:\n  disable: [generic-jwt, githb-token]\n')).toThrow(
      'field \'scan.disable.1\' is "githb-token": no detector has this id: expected the id of a built-in detector',
    );
  });

  it('refuses an id in severity: that names no detector', () => {
    expect(() => parseConfig('scan:\n  severity: { stripe-tset-key: medium }\n')).toThrow(
      'field \'scan.severity.stripe-tset-key\' is "medium": no detector has the id "stripe-tset-key"',
    );
  });

  it("takes built-in ids and the config's own ids in disable: and severity:", () => {
    const config = parseConfig(
      [
        'scan:',
        '  disable: [generic-jwt, acme-old]',
        '  severity: { stripe-test-key: low, acme-token: critical }',
        '  detectors:',
        ...acme('acme-token'),
        ...acme('acme-old'),
      ].join('\n'),
    );
    const ids = buildDetectors(config).map((d) => d.id);
    expect(ids).toContain('acme-token');
    expect(ids).not.toContain('acme-old');
    expect(ids).not.toContain('generic-jwt');
    expect(buildDetectors(config).find((d) => d.id === 'acme-token')?.severity).toBe('critical');
  });
});
