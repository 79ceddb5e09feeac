/**
 * The only form a secret ever leaves the engine in: its provider prefix and its last 4 characters.
 * Secrets too short to keep 4 characters hidden show no tail at all.
 */
export function redact(secret: string, prefix = ''): string {
  const keep = secret.length - prefix.length >= 16 ? 4 : 0;
  const tail = keep ? secret.slice(-keep) : '';
  return `${prefix}…${tail}`;
}
