import { describe, expect, it } from 'vitest';
import { GitError } from '../../src/sources/git-error.js';
import { parseRange } from '../../src/sources/parse-range.js';

describe('parseRange', () => {
  it('reads both ends, HEAD where one is left out', () => {
    expect(parseRange('v1.0..main')).toEqual({ text: 'v1.0..main', revisions: ['v1.0', 'main'], symmetric: false });
    expect(parseRange('a...b')).toEqual({ text: 'a...b', revisions: ['a', 'b'], symmetric: true });
    expect(parseRange('abc123..')).toMatchObject({ revisions: ['abc123', 'HEAD'] });
    expect(parseRange('..feature')).toMatchObject({ revisions: ['HEAD', 'feature'] });
  });

  it.each(['--output=x', '-n1', 'a..-b', 'main', 'a b..c', 'a..b..c', ''])('refuses %j', (range) => {
    expect(() => parseRange(range)).toThrow(GitError);
  });
});
