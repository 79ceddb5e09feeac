import { describe, expect, it } from 'vitest';
import { URLSAFE } from '../../src/detectors/alphabets.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScannerForConfig(defaultConfig);
const b64url = (json: string) => Buffer.from(json).toString('base64url');

describe('keys longer than the window around their keyword', () => {
  it('reports a JWT with a large payload whole, not cut where the window ends', () => {
    const rng = seededRng(51);
    for (const payload of [900, 3000, 5500]) {
      const jwt = `${b64url('{"alg":"RS256","typ":"JWT"}')}.${b64url(`{"sub":"${rng.string(URLSAFE, payload)}"}`)}.${rng.string(URLSAFE, 342)}`;
      const findings = scan({ path: 'a.js', text: `const t = "${jwt}";\nconst u = 1;\n`, startLine: 1 });
      expect(findings).toEqual([
        expect.objectContaining({
          detector: 'generic-jwt',
          line: 1,
          column: 12,
          endColumn: 12 + jwt.length,
          redacted: `eyJ…${jwt.slice(-4)}`,
        }),
      ]);
    }
  });
});
