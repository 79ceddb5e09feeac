import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe('createProgress', () => {
  it('draws one line on a terminal and clears it when done', () => {
    const err = stream(true);
    const progress = createProgress(err, 'history');
    progress.update({ files: 3, bytes: 2_500_000, commits: 12 });
    progress.done();
    expect(err.writes[0]).toContain('scanning: 12 commits, 3 files, 2.5 MB');
    expect(err.writes.at(-1)).toBe('\r\x1b[2K');
  });

  it('stays silent when stderr is not a terminal (CI logs, pipes)', () => {
    const err = stream(false);
    const progress = createProgress(err, 'tree');
    progress.update({ files: 3, bytes: 10, commits: 0 });
    progress.done();
    expect(err.writes).toEqual([]);
  });
});
