import { describe, expect, it } from 'vitest';
import { ALNUM } from '../../src/detectors/alphabets.js';
import { makeGithubToken } from '../../src/detectors/github.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (text: string) => scan({ path: 'token.json', text, startLine: 1 }).map((f) => f.detector);

describe('GitHub refresh tokens', () => {
  const token = makeGithubToken('ghr_', seededRng(13).string(ALNUM, 70));

  it('finds ghr_ + 76 characters whose last 6 are the CRC32 of the 70 before', () => {
    expect(token).toHaveLength(80);
    expect(found(`{"refresh_token": "${token}"}\n`)).toEqual(['github-refresh-token']);
  });

  it('stays quiet when the checksum does not hold or the length is wrong', () => {
    const broken = `${token.slice(0, -6)}${token.slice(-6) === 'AAAAAA' ? 'BBBBBB' : 'AAAAAA'}`;
    expect(found(`{"refresh_token": "${broken}"}\n`)).toEqual([]);
    expect(found(`{"refresh_token": "${token.slice(0, -1)}"}\n`)).toEqual([]);
  });
});
