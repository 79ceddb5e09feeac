/** Words YAML 1.1 and 1.2 read as booleans or null when unquoted. */
const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'null', 'y', 'n', '~']);

/**
 * A string as a YAML scalar that reads back as the same string, in block or flow context: plain
 * when it is a simple word or path, else double-quoted (a JSON string is a valid YAML one).
 */
export function yamlScalar(text: string): string {
  // Durations (`90d`) read as strings too: YAML numbers never end in a letter.
  const plain =
    (/^[A-Za-z_][A-Za-z0-9_./-]*$/.test(text) || /^[0-9]+[a-z]+$/.test(text)) && !RESERVED.has(text.toLowerCase());
  return plain ? text : JSON.stringify(text);
}

/** `[a, "b c"]`. */
export function yamlFlowList(items: readonly string[]): string {
  return `[${items.map(yamlScalar).join(', ')}]`;
}
