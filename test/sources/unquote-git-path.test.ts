import { describe, expect, it } from 'vitest';
import { unquoteGitPath } from '../../src/sources/unquote-git-path.js';

describe('unquoteGitPath', () => {
  it.each([
    ['plain/path.txt', 'plain/path.txt'],
    ['with space.txt', 'with space.txt'],
    ['"caf\\303\\251.txt"', 'café.txt'],
    ['"tab\\there"', 'tab\there'],
    ['"say \\"hi\\" \\\\ back"', 'say "hi" \\ back'],
    ['"new\\nline\\r"', 'new\nline\r'],
    ['"emoji 😀 \\t"', 'emoji 😀 \t'],
    ['"', '"'],
  ])('%s → %j', (printed, expected) => {
    expect(unquoteGitPath(printed)).toBe(expected);
  });
});
