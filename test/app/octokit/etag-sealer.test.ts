import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createEtagSealer } from '../../../app/octokit/etag-sealer.js';

// Two App private keys, made at test time (no key-shaped text in the repository).
const pemOf = () =>
  generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
const appKey = pemOf();
const otherKey = pemOf();
const KEY =
  '42:http://127.0.0.1/api/v3/repos/acme/api/contents/.github%2Fkey-hygiene.yml application/vnd.github.v3+json';
const plain = Buffer.from('{"content":"a file people wrote"}');

describe("createEtagSealer: AES-256-GCM keyed from the App's private key", () => {
  it('opens what it sealed, with a fresh IV each time', () => {
    const sealer = createEtagSealer(appKey);
    const once = sealer.seal(plain, KEY);
    const twice = sealer.seal(plain, KEY);
    expect(once.equals(twice)).toBe(false);
    expect(once.length).toBe(1 + 12 + 16 + plain.length);
    expect(once.includes(plain)).toBe(false);
    expect(sealer.open(once, KEY)).toEqual(plain);
    expect(createEtagSealer(appKey).open(twice, KEY)).toEqual(plain);
  });

  it('derives the same key from the PEM in either format or with other line ends', () => {
    const pkcs8 = createPrivateKey(appKey).export({ type: 'pkcs8', format: 'pem' }).toString();
    const sealed = createEtagSealer(appKey).seal(plain, KEY);
    expect(createEtagSealer(pkcs8).open(sealed, KEY)).toEqual(plain);
    expect(createEtagSealer(`${appKey.replace(/\n/g, '\r\n')}\n`).open(sealed, KEY)).toEqual(plain);
  });

  it("gives nothing — no error — for another App's key, another cache key, a changed byte, or text it never sealed", () => {
    const sealed = createEtagSealer(appKey).seal(plain, KEY);
    expect(createEtagSealer(otherKey).open(sealed, KEY)).toBeUndefined();
    expect(createEtagSealer(appKey).open(sealed, KEY.replace('42:', '43:'))).toBeUndefined();
    for (const at of [0, 5, 20, sealed.length - 1]) {
      const changed = Buffer.from(sealed);
      changed[at] = changed[at]! ^ 0x01;
      expect([at, createEtagSealer(appKey).open(changed, KEY)]).toEqual([at, undefined]);
    }
    expect(createEtagSealer(appKey).open(Buffer.from([0x1f, 0x8b, 8, 0]), KEY)).toBeUndefined();
    expect(createEtagSealer(appKey).open(Buffer.alloc(0), KEY)).toBeUndefined();
  });
});
