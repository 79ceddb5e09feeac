import type { Detector } from './detector.js';

/** A vendor key that starts with a fixed prefix, for {@link prefixedKey}. */
export interface PrefixedKeySpec {
  id: string;
  provider: Detector['provider'];
  keyKind: string;
  severity: Detector['severity'];
  risk: string;
  remediation: string;
  /** The prefixes the vendor issues, exactly as written (case matters). */
  prefixes: readonly string[];
  /** A regex source for what follows the prefix: bounded quantifiers only. */
  body: string;
  /** The longest the body can be, so the scanner reads only the characters a match can need. */
  maxBody: number;
  /** Characters that may not touch the key on either side (default: base64url ones). */
  edge?: string;
  /** A check on the body that its shape cannot express (mixed case, a digit). */
  validate?: (body: string) => boolean;
  examples: Detector['examples'];
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A detector for a key whose prefix names its vendor: the prefix is the keyword, the pattern is the
 * prefix then the body between two edges, and the redacted form keeps the prefix.
 */
export function prefixedKey(spec: PrefixedKeySpec): Detector {
  const edge = spec.edge ?? 'A-Za-z0-9_-';
  const prefixes = [...spec.prefixes].sort((a, b) => b.length - a.length);
  const head = prefixes.map(escape).join('|');
  const longest = prefixes[0]!.length;
  const prefixOf = (secret: string): string => prefixes.find((p) => secret.startsWith(p)) ?? '';
  return {
    id: spec.id,
    provider: spec.provider,
    keyKind: spec.keyKind,
    severity: spec.severity,
    risk: spec.risk,
    remediation: spec.remediation,
    keywords: [...new Set(prefixes.map((p) => p.toLowerCase()))],
    pattern: new RegExp(`(?<![${edge}])(?<secret>(?:${head})${spec.body})(?![${edge}])`, 'g'),
    window: { before: 8, after: longest + spec.maxBody + 8 },
    ...(spec.validate ? { validate: (secret: string) => spec.validate!(secret.slice(prefixOf(secret).length)) } : {}),
    redactPrefix: prefixOf,
    examples: spec.examples,
  };
}
