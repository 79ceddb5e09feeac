import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { createFileScanner } from '../../src/scan/scan-files.js';
import { makeKey } from '../support/make-keys.js';
import { MIB, filler, keyAtByte, offsetsAround } from './long-line-text.js';

const root = mkdtempSync(join(tmpdir(), 'kh-long-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function scanText(name: string, text: string) {
  writeFileSync(join(root, name), text);
  const { findings } = await createFileScanner(root, defaultConfig, 100 * MIB)([name]);
  return findings.map((f) => ({
    detector: f.detector,
    line: f.line,
    column: f.column,
    redacted: f.redacted,
    decodedFrom: f.decodedFrom,
  }));
}

describe('a tree scan of files read in 1 MiB pieces', () => {
  const key = makeKey('openai-project-key', 5);
  const found = (line: number, column: number) => [
    expect.objectContaining({
      detector: 'openai-project-key',
      line,
      column,
      redacted: expect.stringContaining(key.slice(-4)),
    }),
  ];

  for (const boundary of [MIB, 2 * MIB]) {
    for (const at of offsetsAround(boundary, key.length)) {
      it(`finds a key at byte ${at} of one long line, at its true column`, async () => {
        const { text, column } = keyAtByte(key, at, boundary + 64 * 1024);
        expect(await scanText(`at-${at}.js`, text)).toEqual(found(1, column));
      });
    }
  }

  it('counts columns in characters when the line holds multi-byte text before the key', async () => {
    for (const head of ['é'.repeat(300_000), '日本'.repeat(100_000), '😀'.repeat(150_000)]) {
      for (const at of [MIB - 80, MIB, 2 * MIB + 7]) {
        const { text, column } = keyAtByte(key, at, 2 * MIB + 300_000, head);
        expect(await scanText('multibyte.js', text)).toEqual(found(1, column));
      }
    }
  });

  it('finds a key on a later line of a file of long lines, at its line and column', async () => {
    const lines = Array.from({ length: 5 }, () => filler(700_000));
    lines[3] = `${filler(200_000)}"${key}"${filler(500_000)}`;
    expect(await scanText('lines.js', lines.join('\n'))).toEqual(found(4, 200_002));
  });

  it('finds every key of a line that holds many, each once', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => makeKey('github-token', 100 + i));
    const step = Math.floor((3 * MIB) / keys.length);
    const parts = keys.map((k) => `${filler(step - k.length - 2)}"${k}"`);
    const findings = await scanText('many.js', parts.join(''));
    expect(findings.map((f) => f.redacted)).toEqual(keys.map((k) => expect.stringContaining(k.slice(-4))));
    expect(findings.map((f) => f.column)).toEqual(keys.map((_, i) => (i + 1) * step - 40));
  });

  it('finds a PEM block that a cut falls inside, in a file of many lines', async () => {
    const pem = makeKey('privatekey-pem', 9);
    const line = `${filler(79)}\n`;
    for (const beginAt of [MIB - 40, MIB - 200, MIB - 470, MIB - 2000, MIB + 1]) {
      const lead = Math.floor(beginAt / line.length);
      const text = `${line.repeat(lead)}key = """\n${pem}\n"""\n${line.repeat(20_000)}`;
      expect(await scanText('pem.py', text)).toEqual([
        expect.objectContaining({ detector: 'privatekey-pem', line: lead + 2, column: 1 }),
      ]);
    }
  });

  it('finds a JSON-escaped PEM block (a service-account key) across a cut of a long line', async () => {
    const pem = makeKey('privatekey-pem', 11).replaceAll('\n', '\\n');
    for (const at of [MIB - 300, MIB - 31, MIB - 5]) {
      const before = filler(at - '{"private_key":"'.length);
      const text = `${before}{"private_key":"${pem}\\n"}${filler(MIB)}`;
      expect(await scanText('sa.js', text)).toEqual([
        expect.objectContaining({ detector: 'privatekey-pem', line: 1, column: at + 1 }),
      ]);
    }
  });

  it('finds a key in a base64 value that a cut falls inside', async () => {
    const encoded = Buffer.from(`{"OPENAI_API_KEY":"${key}"}`).toString('base64');
    for (const at of [MIB - encoded.length + 3, MIB - 100, MIB - 1, MIB + 1]) {
      const before = filler(at - 'data: '.length);
      const text = `${before}data: ${encoded};${filler(MIB)}`;
      expect(await scanText('secret.js', text)).toEqual([
        {
          detector: 'openai-project-key',
          line: 1,
          column: at + 1,
          redacted: expect.any(String),
          decodedFrom: 'base64',
        },
      ]);
    }
  });
});
