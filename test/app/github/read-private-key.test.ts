import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPrivateKey } from '../../../app/github/read-private-key.js';

describe("readPrivateKey: the App's PEM as Probot reads it", () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();

  it('takes PRIVATE_KEY with literal \\n, or the file at PRIVATE_KEY_PATH, or gives undefined', async () => {
    expect(readPrivateKey({ PRIVATE_KEY: pem.replace(/\n/g, '\\n') })).toBe(pem);
    const dir = await mkdtemp(join(tmpdir(), 'key-hygiene-pem-'));
    try {
      await writeFile(join(dir, 'app.pem'), pem);
      expect(readPrivateKey({ PRIVATE_KEY_PATH: join(dir, 'app.pem') })).toBe(pem);
    } finally {
      await rm(dir, { recursive: true });
    }
    const empty = await mkdtemp(join(tmpdir(), 'key-hygiene-no-pem-'));
    expect(readPrivateKey({}, empty)).toBeUndefined();
    await rm(empty, { recursive: true });
  });

  it('takes PRIVATE_KEY as base64, and else the only *.pem in the working directory, as `probot run` does', async () => {
    expect(readPrivateKey({ PRIVATE_KEY: Buffer.from(pem).toString('base64') })).toBe(pem);
    const dir = await mkdtemp(join(tmpdir(), 'key-hygiene-pem-'));
    try {
      await writeFile(join(dir, 'key-hygiene.2026-11-26.private-key.pem'), pem);
      expect(readPrivateKey({}, dir)).toBe(pem);
      await writeFile(join(dir, 'other.pem'), pem);
      expect(() => readPrivateKey({}, dir)).toThrow(/More than one file found/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
