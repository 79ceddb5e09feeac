const UNITS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const DURATION = /^(\d{1,5})\s*([hdw])$/;

/** `90d`, `2w`, `12h` → milliseconds; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNITS[m[2]!]! : undefined;
}

/** Byte sizes: `10MB`, `512KB`, `1GB`, or a plain number of bytes. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d{1,12})\s*(B|KB|MB|GB)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? 'B').toUpperCase() as 'B'];
  return Number(m[1]) * unit;
}
