import { describe, expect, it } from 'vitest';
import { createFindSecrets, maskKeys } from '../../src/scan/mask-keys.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { makeKey } from '../support/make-keys.js';

const OPENAI = makeKey('openai-project-key', 71);
const GITHUB = makeKey('github-token', 72);

describe('maskKeys', () => {
  it('redacts every key it recognises to … and the last 4 characters', () => {
    expect(maskKeys(`old ${OPENAI}, new ${GITHUB}`)).toBe(`old …${OPENAI.slice(-4)}, new …${GITHUB.slice(-4)}`);
  });

  it('uses the secret finder it is given', () => {
    expect(maskKeys('call me hunter2 please', () => ['hunter2'])).toBe('call me … please');
  });

  it('a finder hands over only the secrets of the text it was just given', () => {
    const find = createFindSecrets(defaultConfig);
    expect(find(`first ${OPENAI}`)).toEqual([OPENAI]);
    expect(find('nothing here')).toEqual([]);
    expect(find(`then ${GITHUB}`)).toEqual([GITHUB]);
  });
});
