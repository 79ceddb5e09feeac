import { describe, expect, it } from 'vitest';
import { ALNUM, HEX, URLSAFE } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (text: string) => scan({ path: 'notes.txt', text, startLine: 1 }).map((f) => f.detector);

describe('GitLab tokens', () => {
  const rng = seededRng(13);

  it('finds a runner registration token, GR1348941 + 20 characters', () => {
    const token = `GR1348941${rng.string(ALNUM, 9)}x4${rng.string(URLSAFE, 9)}`;
    expect(found(`gitlab-runner register --registration-token ${token} --executor docker\n`)).toEqual([
      'gitlab-runner-registration-token',
    ]);
  });

  it('finds trigger, OAuth secret and agent tokens only at their generated lengths', () => {
    const hex = (n: number) => `${rng.string(HEX, n - 2)}a7`;
    const safe = (n: number) => `${rng.string(URLSAFE, n - 2)}k3`;
    expect(found(`trigger glptt-${hex(40)}\n`)).toEqual(['gitlab-token']);
    expect(found(`secret gloas-${safe(64)}\n`)).toEqual(['gitlab-token']);
    expect(found(`agent glagent-${safe(50)}\n`)).toEqual(['gitlab-token']);
    for (const n of [20, 30, 39, 41, 64]) expect(found(`trigger glptt-${hex(n)}\n`), `glptt ${n}`).toEqual([]);
    for (const n of [20, 40, 63, 65]) expect(found(`secret gloas-${safe(n)}\n`), `gloas ${n}`).toEqual([]);
    for (const n of [20, 40, 49, 51]) expect(found(`agent glagent-${safe(n)}\n`), `glagent ${n}`).toEqual([]);
  });

  it('still finds 20-character personal tokens and routable ones', () => {
    expect(found(`glpat-${rng.string(ALNUM, 8)}7${rng.string(ALNUM, 11)}\n`)).toEqual(['gitlab-token']);
    expect(found(`glrt-t1_${rng.string(ALNUM, 12)}8${rng.string(ALNUM, 20)}.01abc1234\n`)).toEqual(['gitlab-token']);
  });
});
