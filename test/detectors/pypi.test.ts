import { describe, expect, it } from 'vitest';
import { URLSAFE } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (text: string) => scan({ path: 'docs/publishing.md', text, startLine: 1 }).map((f) => f.detector);
// Prose, not an assignment: a password or token name would bring in the generic rule, which judges values alone.
const pypirc = (token: string) => `Upload with the token PyPI showed you, ${token} for example.\n`;

describe('PyPI tokens', () => {
  const rng = seededRng(13);

  it('finds a token of a real length', () => {
    expect(found(pypirc(`pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 150)}`))).toEqual(['pypi-api-token']);
    expect(found(pypirc(`pypi-AgENdGVzdC5weXBpLm9yZwIkN${rng.string(URLSAFE, 150)}`))).toEqual(['pypi-api-token']);
  });

  it('stays quiet on a token cut shorter than the smallest macaroon PyPI can issue', () => {
    expect(found(pypirc(`pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 60)}`))).toEqual([]);
    expect(found(pypirc(`pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 95)}`))).toEqual([]);
  });
});
