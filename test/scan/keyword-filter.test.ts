import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { keywordFilter } from '../../src/scan/keyword-filter.js';

type CustomDetector = Config['scan']['detectors'][number];

const withDetector = (keywords: string[]): Config => ({
  ...defaultConfig,
  scan: {
    ...defaultConfig.scan,
    detectors: [
      {
        id: 'acme-internal',
        'key-kind': 'Acme key',
        severity: 'high',
        remediation: 'Rotate it.',
        keywords,
        pattern: 'acme_(?P<secret>[a-z0-9]{20})',
      } as CustomDetector,
    ],
  },
});

describe('keywordFilter', () => {
  it('finds a keyword anywhere in the bytes, across the cuts it reads them in, in any case', () => {
    const mayHoldKey = keywordFilter(withDetector(['acme_internal_marker']))!;
    const filler = Buffer.alloc(70_000, 'x');
    expect(mayHoldKey(filler)).toBe(false);
    expect(mayHoldKey(Buffer.alloc(0))).toBe(false);
    for (let at = 16 * 1024 - 25; at < 16 * 1024 + 5; at++) {
      const bytes = Buffer.from(filler);
      bytes.write('ACME_Internal_Marker', at, 'latin1');
      expect(mayHoldKey(bytes)).toBe(true);
    }
    const late = Buffer.from(filler);
    late.write('acme_internal_marker', late.length - 20, 'latin1');
    expect(mayHoldKey(late)).toBe(true);
    expect(mayHoldKey(Buffer.from('a token here'))).toBe(true); // a built-in detector's and the base64 words count too
    expect(mayHoldKey(Buffer.from('kind: Secret'))).toBe(true);
  });

  it('gives no filter when bytes cannot tell: a detector without keywords, a keyword beyond printable ASCII', () => {
    expect(keywordFilter(withDetector([]))).toBeUndefined();
    expect(keywordFilter(withDetector(['clé_acme']))).toBeUndefined();
    expect(keywordFilter(withDetector(['acme\nkey']))).toBeUndefined();
    expect(keywordFilter(defaultConfig)).toBeDefined();
  });
});
