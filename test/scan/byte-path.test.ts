import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { createFileScanner } from '../../src/scan/scan-files.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import { buildPrefilter } from '../../src/scan/prefilter.js';
import { readChunksSync } from '../../src/sources/read-chunks.js';
import type { Finding, Fragment } from '../../src/types.js';
import { makeKey } from '../support/make-keys.js';
import { seededRng } from '../support/seeded-rng.js';
import { MIB, filler } from './long-line-text.js';

const root = mkdtempSync(join(tmpdir(), 'kh-bytes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const scanner = createScannerForConfig(defaultConfig);
const stringPrefilter = buildPrefilter(scanner.prefilter.keywords);
const keywordIndex = new Map(scanner.prefilter.keywords.map((k, i) => [k, i]));

/**
 * The tree scan as it was before the byte path: every piece decoded to a string and searched by
 * the string prefilter (the case-insensitive regex), one finding per key per file.
 */
function stringPathFindings(name: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const read of readChunksSync(root, name, 1e9)) {
    if ('reason' in read) continue;
    for (const f of scanner.withHits(read, stringHits(read))) {
      if (!seen.has(f.fingerprint)) out.push(f);
      seen.add(f.fingerprint);
    }
  }
  return out;
}

function stringHits(fragment: Fragment) {
  const hits = stringPrefilter(fragment.text);
  return {
    count: hits.length,
    keyword: Uint32Array.from(hits, (h) => keywordIndex.get(h.keyword)!),
    start: Uint32Array.from(hits, (h) => h.index),
  };
}

/** The scanner's own keyword pass over each decoded piece (as the git sources hand it strings). */
function ownPassFindings(name: string): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const read of readChunksSync(root, name, 1e9)) {
    if ('reason' in read) continue;
    for (const f of scanner(read)) {
      if (!seen.has(f.fingerprint)) out.push(f);
      seen.add(f.fingerprint);
    }
  }
  return out;
}

async function bytePath(name: string) {
  return createFileScanner(root, defaultConfig, 1e9)([name]);
}

const KEYED = detectors.filter((d) => d.provider !== 'generic').map((d) => d.id);
const INVALID = [[0xff], [0xc3], [0xe2, 0x82], [0x80], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xe9]];

/**
 * A seeded file mixing what real trees hold and what breaks naive byte/character arithmetic:
 * ASCII code, CJK, emoji, invalid UTF-8, a BOM, CRLF, long lines, keywords in any case with and
 * without a key beside them, keys of every vendor, base64-encoded keys after a trigger word.
 */
function generate(seed: number, size: number): Buffer {
  const rng = seededRng(seed);
  const parts: Buffer[] = [];
  if (rng.int(0, 3) === 0) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  let total = 0;
  const text = (s: string) => Buffer.from(s);
  while (total < size) {
    let part: Buffer;
    switch (rng.int(0, 13)) {
      case 0:
        part = text(`const v${rng.int(0, 999)} = compute(a, b);`);
        break;
      case 1:
        part = text('日本語のテキスト'.repeat(rng.int(1, 20)));
        break;
      case 2:
        part = text('😀🎉'.repeat(rng.int(1, 10)));
        break;
      case 3:
        part = Buffer.from(INVALID[rng.int(0, INVALID.length - 1)]!);
        break;
      case 4:
        part = text('\r\n');
        break;
      case 5:
        part = text('\n');
        break;
      case 6: {
        const id = KEYED[rng.int(0, KEYED.length - 1)]!;
        const key = makeKey(id, rng.int(1, 1000));
        const name = id.toUpperCase().replaceAll('-', '_');
        part = text([`${name} = "${key}"`, `{"${name}": "${key}"}`, ` ${key} `][rng.int(0, 2)]!);
        break;
      }
      case 7:
        part = text(`password: "${rng.string('abcdefXYZ0123456789', rng.int(8, 30))}"`);
        break;
      case 8:
        part = text(filler(rng.int(1000, 200_000)));
        break;
      case 9: {
        const key = makeKey('openai-project-key', rng.int(1, 1000));
        part = text(`data: ${Buffer.from(`{"OPENAI_API_KEY":"${key}"}`).toString('base64')}`);
        break;
      }
      case 10:
        part = text(['token', 'Secret', 'AUTH', 'KeY', 'api_key=', 'Bearer '][rng.int(0, 5)]!);
        break;
      case 11:
        // A Latin-1 "é" (invalid as UTF-8) right before a keyword and a key.
        part = Buffer.concat([Buffer.from([0xe9]), text(`api_key="${makeKey('github-token', rng.int(1, 1000))}"`)]);
        break;
      case 12:
        part = text(`\u00e9t\u00e9 secret_key = "${rng.string('ABCDEFabcdef0123456789', 32)}" \u00e9t\u00e9`);
        break;
      default:
        part = text(filler(rng.int(10, 200)));
    }
    parts.push(part);
    total += part.length;
  }
  return Buffer.concat(parts);
}

describe('the tree scan on bytes', () => {
  it('finds what the string path finds, at the same places, on seeded files of every kind of text', async () => {
    let compared = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const size = seed % 8 === 0 ? 2 * MIB + seed * 997 : seed * 3000;
      const name = `gen-${seed}.txt`;
      const bytes = generate(seed, size);
      writeFileSync(join(root, name), bytes);
      const expected = stringPathFindings(name);
      const got = await bytePath(name);
      expect(got.findings, name).toEqual(expected);
      expect(ownPassFindings(name), name).toEqual(expected);
      expect(got.files).toBe(1);
      expect(got.bytes).toBe(bytes.length);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('finds a key whose keyword stands only among non-ASCII text, at its column in characters', async () => {
    const key = makeKey('github-token', 3);
    const line = `// 日本語 😀 é token: "${key}" 😀`;
    writeFileSync(join(root, 'cjk.js'), `\uFEFF${line}\r\n${line}\n`);
    const { findings } = await bytePath('cjk.js');
    expect(findings.map((f) => [f.detector, f.line, f.column])).toEqual([['github-token', 1, line.indexOf(key) + 1]]);
  });

  it('counts a file without any keyword in files and bytes, with no finding', async () => {
    const text = `${'const a = b + c;\n'.repeat(50_000)}日本語\n`;
    writeFileSync(join(root, 'plain.js'), text);
    expect(await bytePath('plain.js')).toEqual({
      findings: [],
      notices: [],
      files: 1,
      bytes: Buffer.byteLength(text),
    });
  });

  it('still reads a UTF-16 file as text (its bytes hold no ASCII keyword)', async () => {
    const key = makeKey('github-token', 4);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`x\ntoken = "${key}"\n`, 'utf16le')]);
    writeFileSync(join(root, 'utf16.txt'), utf16);
    const { findings, files } = await bytePath('utf16.txt');
    expect(files).toBe(1);
    expect(findings.map((f) => [f.detector, f.line, f.column])).toEqual([['github-token', 2, 10]]);
  });

  it('finds a key across a piece boundary once, at its true line and column, behind invalid bytes and a BOM', async () => {
    const key = makeKey('openai-project-key', 6);
    const head = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('é日\n'), Buffer.from([0xff, 0xc3])]);
    for (const at of [MIB - 20, MIB - 1, MIB + 3]) {
      const before = Buffer.concat([head, Buffer.from(filler(at - head.length - 1))]);
      writeFileSync(join(root, 'cut.js'), Buffer.concat([before, Buffer.from(`"${key}"${filler(MIB)}`)]));
      const { findings } = await bytePath('cut.js');
      // After the line break: 2 replacement characters, then the filler and the quote.
      const column = 2 + (before.length - head.length) + 2;
      expect(findings.map((f) => [f.detector, f.line, f.column])).toEqual([['openai-project-key', 2, column]]);
    }
  });
});
