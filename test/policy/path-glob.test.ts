import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { compilePathGlobs, pathGlobError } from '../../src/policy/path-glob.js';

const GLOBS = [
  'test/fixtures/**',
  '**/*.md',
  '*.env',
  'docs/**/*.{yml,yaml}',
  'src/**/fixtures/*',
  '**/node_modules/**',
  'a/**/b',
  '**',
  '*',
  '?.txt',
  '[ab]*.js',
  '[^x]y',
  'file\\*.txt',
  '.github/*.yml',
  '**/.env.*',
  'x/{a,b/c}/y',
  '{src,lib}/**',
  'test/**/*.test.ts',
];
const PATHS = [
  'test/fixtures/key.txt',
  'test/fixtures/deep/er/key.txt',
  'test/fixtures',
  'README.md',
  'docs/a/b.md',
  'x.env',
  '.env',
  'docs/config.yml',
  'docs/a/b/config.yaml',
  'src/a/fixtures/k',
  'src/fixtures/k',
  'node_modules/x/y.js',
  'a/node_modules/x',
  'a/b',
  'a/x/y/b',
  'ab',
  'a.txt',
  'ab.txt',
  'bz.js',
  'zy',
  'xy',
  'file*.txt',
  'fileA.txt',
  '.github/key-hygiene.yml',
  'a/.env.local',
  'x/a/y',
  'x/b/c/y',
  'src/x.ts',
  'lib',
  'test/a/b.test.ts',
];

describe('compilePathGlobs', () => {
  it.each(GLOBS)('matches like picomatch (dot: true) for %s', (glob) => {
    const ours = compilePathGlobs([glob]);
    const theirs = picomatch(glob, { dot: true });
    for (const path of PATHS) expect([path, ours(path)]).toEqual([path, theirs(path)]);
  });

  it('matches nothing without globs, and any of several', () => {
    expect(compilePathGlobs([])('a')).toBe(false);
    expect(compilePathGlobs(['*.md', 'test/**'])('test/x/y')).toBe(true);
  });

  // A backtracking engine takes seconds on the first path and hours on the second; this one is linear,
  // so the test finishes well inside vitest's default time-out whatever the machine's load.
  it('runs a hostile glob over long names in linear time', () => {
    const hostile = compilePathGlobs(['*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '**/a*a*a*a*a*a*a*a*a*a*a*a*a*a*b/**']);
    for (const n of [30, 60, 4000]) expect(hostile(`x/${'a'.repeat(n)}`)).toBe(false);
  });

  it('names what it cannot do', () => {
    expect(pathGlobError('!(x)*.js')).toMatch(/not supported/);
    expect(pathGlobError('{a,b')).toMatch(/unclosed \{/);
    expect(pathGlobError('test/**')).toBeUndefined();
  });
});

describe('compilePathGlobs, where picomatch differs', () => {
  // picomatch reads `[!x]` as the characters ! and x; gitignore and the shell read it as "not x".
  it('reads [!x] as a negated class', () => {
    expect(compilePathGlobs(['[!x]y'])('zy')).toBe(true);
    expect(compilePathGlobs(['[!x]y'])('xy')).toBe(false);
  });

  it('keeps {a,b}{a,b}… small', () => {
    expect(pathGlobError('{a,b}'.repeat(9))).toMatch(/more than 256/);
  });
});
