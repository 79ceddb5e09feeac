import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * A token in GitHub's current shape: prefix, 30 random base62 characters, then the CRC32 of those
 * 30 characters in base62, left-padded to 6. Scanners that check the checksum (ours does) treat it
 * as real, which is the point: test logs must never show one unredacted.
 * https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/
 */
export function mintToken(prefix: 'ghs' | 'ghu' | 'ghp' = 'ghs'): string {
  const random = Array.from({ length: 30 }, () => BASE62[randomInt(62)]).join('');
  return `${prefix}_${random}${toBase62(crc32(random), 6)}`;
}
