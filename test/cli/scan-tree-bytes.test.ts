import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const MIB = 1024 * 1024;

describe('key-hygiene scan of a tree read as bytes (worker threads)', () => {
  it('counts files without keywords, keeps every notice, and places keys among non-ASCII text and across a cut', () => {
    repo = createTestRepo();
    let bytes = 0;
    const write = (path: string, content: string | Buffer) => {
      repo.write(path, content);
      bytes += Buffer.byteLength(content);
    };
    // Enough files for the scan to fan out to worker threads; none holds a keyword.
    for (let i = 0; i < 240; i++) write(`src/f${i}.js`, `export const v${i} = compute(${i}); // 日本語 ${i}\n`);
    write('.gitignore', '.env*\n');
    const github = makeKey('github-token', 21);
    const line = `// 説明 😀 é token: "${github}"`;
    write('docs/cjk.md', `\uFEFF# 日本語\n${line}\r\n`);
    const openai = makeKey('openai-project-key', 22);
    const head = `é${'x'.repeat(MIB - 40)}`;
    write('dist/bundle.js', `${head}"${openai}"${'y'.repeat(MIB / 2)}\n`);
    repo.write('assets/blob.bin', Buffer.from([1, 2, 0, 3]));
    repo.write('data/huge.json', `{"k": "${'z'.repeat(3 * MIB)}"}`);

    const run = runCli(['scan', '.', '--format', 'json', '--max-file-size', '2MB'], { cwd: repo.root, env: repo.env });
    const report = JSON.parse(run.stdout);
    expect(
      report.findings.map((f: { path: string; line: number; column: number }) => [f.path, f.line, f.column]),
    ).toEqual([
      ['dist/bundle.js', 1, head.length + 2],
      ['docs/cjk.md', 2, line.indexOf(github) + 1],
    ]);
    expect(report.notices.map((n: { path: string; reason: string }) => [n.path, n.reason]).sort()).toEqual([
      ['assets/blob.bin', 'binary'],
      ['data/huge.json', 'too-large'],
    ]);
    expect(report.stats).toMatchObject({ files: 243, bytes });
  });
});
