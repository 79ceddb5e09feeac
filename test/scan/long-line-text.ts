// Builders of the long texts the long-line tests scan: a key placed at an exact byte offset.

/** Bytes in a tree scan's read piece (CHUNK_BYTES): the boundaries keys are placed around. */
export const MIB = 1024 * 1024;

/** Minified-looking filler that wakes no detector. */
export function filler(chars: number): string {
  return 'var a=b+1;'.repeat(Math.ceil(chars / 10)).slice(0, chars);
}

/**
 * A text whose bytes put `key` at byte `at` (quoted, as in a bundle), padded to `total` bytes with
 * filler; `head` is ASCII or multi-byte text the filler starts with, so characters and bytes differ.
 * Returns the text and the key's 1-based column in UTF-16 units, as editors and reports count.
 */
export function keyAtByte(key: string, at: number, total: number, head = ''): { text: string; column: number } {
  const before = head + filler(at - 1 - Buffer.byteLength(head));
  const text = `${before}"${key}"${filler(total - at - key.length - 1)}`;
  return { text, column: before.length + 2 };
}

/** Offsets around a boundary that put a key of `length` just before, across, at and just after it. */
export function offsetsAround(boundary: number, length: number): number[] {
  return [-length - 1, -length, -length + 1, -Math.floor(length / 2), -1, 0, 1].map((d) => boundary + d);
}
