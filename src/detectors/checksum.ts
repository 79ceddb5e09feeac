import { crc32 } from 'node:zlib';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * CRC32 of `body` written in base62 (alphabet 0-9A-Za-z), left-padded with '0' to 6 characters: the
 * checksum GitHub (ghp_ and friends) and npm (npm_) put at the end of their tokens.
 * https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
 */
export function crc32Base62(body: string): string {
  let n = crc32(body);
  let out = '';
  while (n > 0) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out.padStart(6, '0');
}

/** True when the token's last 6 characters are the base62 CRC32 of what lies between prefix and checksum. */
export function hasCrc32Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, -6);
  return body.length > 0 && crc32Base62(body) === token.slice(-6);
}
