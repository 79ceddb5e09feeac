import type { Detector } from './detector.js';

/** A vendor key with no prefix of its own, found only beside its vendor's name, for {@link namedKey}. */
export interface NamedKeySpec {
  id: string;
  provider: Detector['provider'];
  keyKind: string;
  severity: Detector['severity'];
  risk: string;
  remediation: string;
  /**
   * The names the vendor's docs and SDKs read the key from, each as its words (`['mistral', 'api',
   * 'key']`): matched in any case, the words joined by `_`, `-` or nothing (`MISTRAL_API_KEY`,
   * `mistral-api-key`, `mistralApiKey`).
   */
  names: readonly (readonly string[])[];
  /**
   * The prefilter's literals (each costs scan time on every file), when a word of the names is
   * specific enough alone (`rollbar`, `deepseek`): default, each name's words joined by `_`, `-` and
   * nothing. A keyword may sit anywhere in a name: the window reaches back over the longest name.
   */
  keywords?: readonly string[];
  /** A regex source for the value: bounded quantifiers only. */
  value: string;
  /** The longest the value can be, so the scanner reads only the characters a match can need. */
  maxValue: number;
  /** A check on the value that its shape cannot express (a letter and a digit). */
  validate?: (secret: string) => boolean;
  /** What follows the value when it has ended (default: no base64 or base64url character). */
  after?: string;
  /** The name the test renders the examples under is the first name, joined by `_`. */
  examples: Omit<Detector['examples'], 'assignedTo'>;
}

const anyCase = (word: string): string => word.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);

// NAME <op> VALUE as .env, YAML, JSON, code, shell and notebooks write it: an optional closing quote
// (escaped inside a notebook's JSON), blanks up to a column (gofmt'd and aligned files pad names), then
// `=`, `:`, `:=`, `=>` or the comma of `set("NAME", "…")`, and an optional opening quote.
const OPERATOR = String.raw`\\?["']?[ \t]{0,64}(?::=|=>|=|:|,)[ \t]{0,4}\\?["']?`;

/**
 * A detector for a key that only its name tells apart (32 hex is any digest): the value must sit
 * beside one of the vendor's names, so its confidence is low. It reports what the generic rule would
 * also report there, under the vendor's name, with the vendor's revocation steps.
 */
export function namedKey(spec: NamedKeySpec): Detector {
  const names = spec.names.map((words) => words.map(anyCase).join('[_-]?')).join('|');
  const after = spec.after ?? 'A-Za-z0-9_+/=-';
  const longestName = Math.max(...spec.names.map((words) => words.join('_').length));
  const keywords = spec.keywords ?? spec.names.flatMap((words) => ['_', '-', ''].map((sep) => words.join(sep)));
  return {
    id: spec.id,
    provider: spec.provider,
    keyKind: spec.keyKind,
    severity: spec.severity,
    confidence: 'low',
    risk: spec.risk,
    remediation: spec.remediation,
    keywords: [...new Set(keywords)],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?<name>${names})(?![A-Za-z0-9])${OPERATOR}(?<secret>${spec.value})(?![${after}])`,
      'g',
    ),
    window: { before: longestName + 8, after: longestName + 76 + spec.maxValue },
    ...(spec.validate ? { validate: (secret: string) => spec.validate!(secret) } : {}),
    redactPrefix: () => '',
    examples: { ...spec.examples, assignedTo: spec.names[0]!.join('_') },
  };
}
