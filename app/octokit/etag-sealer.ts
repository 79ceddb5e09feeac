import { createCipheriv, createDecipheriv, createPrivateKey, hkdfSync, randomBytes } from 'node:crypto';

/** Seals what the ETag cache keeps in Redis; `open` gives `undefined` for anything it did not seal. */
export interface EtagSealer {
  seal(plain: Buffer, cacheKey: string): Buffer;
  open(sealed: Buffer, cacheKey: string): Buffer | undefined;
}

/** Changing it (or the layout below) makes every stored value a miss: one counted 200 each, once. */
const INFO = 'key-hygiene etag cache v1';
const VERSION = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a key derived (HKDF-SHA256) from the App's private key: every process that talks
 * to GitHub as the App has that PEM (it signs the JWT), and nobody with only the Redis URL does. A
 * fresh 12-byte IV per value; the cache key (installation, URL, media type) is authenticated with
 * it, so a value moved under another key does not open. A value sealed with another key — another
 * App, a rotated PEM — or altered fails its tag: `undefined`, a cache miss, never an error.
 * Layout: version byte, IV, tag, ciphertext.
 * https://nodejs.org/api/crypto.html#class-cipher
 */
export function createEtagSealer(privateKeyPem: string): EtagSealer {
  const key = Buffer.from(hkdfSync('sha256', keyMaterialOf(privateKeyPem), Buffer.alloc(0), INFO, 32));
  return {
    seal(plain, cacheKey) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(cacheKey, 'utf8'));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, cacheKey) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES)).setAAD(
          Buffer.from(cacheKey, 'utf8'),
        );
        decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * The key itself, not its text: PKCS#1 or PKCS#8, `\r\n` or a trailing newline in one process's
 * PEM would otherwise derive another key and every process would miss the others' values.
 */
export function keyMaterialOf(pem: string): Buffer {
  try {
    return createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
  } catch {
    return Buffer.from(pem.replace(/\r\n/g, '\n').trim(), 'utf8');
  }
}
