/**
 * The `partial_key_hint` Anthropic's Admin API shows for a key (docs, List API Keys:
 * `sk-ant-api03-R2D...igAA`): the prefix through its version, the next three characters, `...`, and the
 * last four. For matching a key found in a secret to the inventory; null for a value that is not an
 * Anthropic API key. Several keys can share a hint, so a match is a candidate, not proof.
 */
export function partialKeyHint(value: string): string | null {
  const match = /^(sk-ant-api\d{2}-)([A-Za-z0-9_-]{3})[A-Za-z0-9_-]*([A-Za-z0-9_-]{4})$/.exec(value);
  if (!match || value.length < 40) return null;
  return `${match[1]}${match[2]}...${match[3]}`;
}
