import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import { createDiffParser, parseDiff } from '../../src/sources/parse-diff.js';
import { patchToFragments } from '../../src/sources/patch-to-fragments.js';
import type { Fragment } from '../../src/types.js';
import { makeKey } from '../support/make-keys.js';
import { MIB, filler, keyAtByte } from '../scan/long-line-text.js';

const scan = createScannerForConfig(defaultConfig);
const findingsOf = (fragments: Fragment[]) =>
  fragments.flatMap(scan).map((f) => ({ detector: f.detector, line: f.line, column: f.column, redacted: f.redacted }));
const diffAdding = (lines: string[]) =>
  `diff --git a/b.js b/b.js\n+++ b/b.js\n@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;

describe('added lines longer than a fragment', () => {
  const key = makeKey('openai-project-key', 21);

  it('finds a key past the second MiB of one added line, at its true column', () => {
    const { text, column } = keyAtByte(key, 2 * MIB + 3, 3 * MIB);
    expect(findingsOf(parseDiff(diffAdding(['first', text])))).toEqual([
      { detector: 'openai-project-key', line: 2, column, redacted: expect.stringContaining(key.slice(-4)) },
    ]);
    expect(findingsOf(patchToFragments('b.js', `@@ -0,0 +1 @@\n+${text}`))).toEqual([
      expect.objectContaining({ line: 1, column }),
    ]);
  });

  it('finds a PEM block that a split of a long run of added lines falls inside, once', () => {
    const pem = makeKey('privatekey-pem', 9).split('\n');
    const line = filler(79);
    // The whole block's fingerprint: a block cut short would be a different key to a baseline.
    const [whole] = scan({ path: 'b.js', text: pem.join('\n'), startLine: 1 });
    // 80-character lines: the first 1 MiB fragment ends after line 13,108.
    for (const at of [13_100, 13_106, 13_107, 13_108, 13_110]) {
      const lines = [...Array<string>(at).fill(line), ...pem, ...Array<string>(20_000).fill(line)];
      const fragments = parseDiff(diffAdding(lines));
      expect(fragments.length).toBeGreaterThan(1);
      const found = fragments.flatMap(scan);
      expect(found).toEqual([
        expect.objectContaining({
          detector: 'privatekey-pem',
          line: at + 1,
          column: 1,
          fingerprint: whole!.fingerprint,
        }),
      ]);
    }
  });

  it('reports each key of a long run once, whichever fragment sees it', () => {
    const keys = Array.from({ length: 60 }, (_, i) => makeKey('github-token', 300 + i));
    const lines = keys.flatMap((k) => [...Array<string>(800).fill(filler(79)), `token = "${k}"`]);
    const found = findingsOf(parseDiff(diffAdding(lines)));
    expect(found.map((f) => f.line)).toEqual(keys.map((_, i) => (i + 1) * 801));
    expect(found.map((f) => f.redacted)).toEqual(keys.map((k) => expect.stringContaining(k.slice(-4))));
  });

  it('takes a line of several MiB a piece at a time as git prints it: bounded fragments, keys at their true columns', () => {
    const { text, column } = keyAtByte(key, 2 * MIB - 50, 5 * MIB);
    const removed = filler(3 * MIB);
    const diff = `diff --git a/b.js b/b.js\n+++ b/b.js\n@@ -1,2 +1,3 @@\n-${removed}\r\n-old\n+first\r\n+${text}\r\n+after = "${makeKey('github-token', 61)}"\n`;
    // Cut as git's pipe cuts it, and once between the long line's CR and its newline.
    const crlf = diff.indexOf('\r\n+after') + 1;
    const cutsOf = (size: number) => Array.from({ length: Math.ceil(diff.length / size) }, (_, i) => i * size);
    for (const cuts of [cutsOf(64 * 1024), cutsOf(100_003), [0, crlf], [0]]) {
      const parser = createDiffParser();
      const fragments: Fragment[] = [];
      cuts.forEach((at, i) => fragments.push(...parser.write(diff.slice(at, cuts[i + 1]))));
      fragments.push(...parser.end());
      if (cuts.length > 2) expect(Math.max(...fragments.map((f) => f.text.length))).toBeLessThan(1.3 * MIB);
      expect(fragments.some((f) => f.text.includes('\r'))).toBe(false);
      expect(findingsOf(fragments)).toEqual([
        { detector: 'openai-project-key', line: 2, column, redacted: expect.stringContaining(key.slice(-4)) },
        expect.objectContaining({ detector: 'github-token', line: 3, column: 10 }),
      ]);
    }
  });
});
