import type { ConfigRegex } from '../policy/config-regex.js';
import type { Confidence, Provider, Severity } from '../types.js';

/** A deterministic random source, so positive examples are made at test time, never committed. */
export interface Rng {
  /** A string of `length` characters drawn from `alphabet`. */
  string(alphabet: string, length: number): string;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
}

/** What a validator sees besides the secret: the whole match and the text around it. */
export interface MatchContext {
  /** The full regex match (may include a name or a prefix around the secret). */
  match: string;
  /** The line(s) around the match, for context checks. */
  line: string;
  path: string;
}

/**
 * A detector is data, not code: everything the scanner needs to find one kind of key.
 * `pattern` must have a named `secret` group and must run in linear time on any input:
 * bounded quantifiers only, no nested quantifiers over the same characters.
 */
export interface Detector {
  /** `provider-kind`, e.g. `openai-project-key`. */
  id: string;
  provider: Provider;
  /** Human name of the key kind, e.g. "OpenAI project key". */
  keyKind: string;
  severity: Severity;
  /**
   * How sure a match is (see `Confidence`). Unset: `low` for the generic group, `medium` for a
   * vendor's format. Set `high` only where `validate` checks a checksum or signature, and `low` for
   * a vendor detector that needs a name beside a prefix-less value.
   */
  confidence?: Confidence;
  /** One sentence: what an attacker can do with this key. */
  risk: string;
  /** What to do when it is found. */
  remediation: string;
  /** Lower-case literals; the detector only runs on text that holds at least one of them. */
  keywords: string[];
  /** Global regex with a named `secret` group. */
  pattern: RegExp;
  /**
   * A repository's own pattern (`scan.detectors[].pattern`), compiled by RE2 to run in linear time:
   * when set, the scanner runs it instead of `pattern`, which then never matches.
   */
  matcher?: ConfigRegex;
  /**
   * Characters around each keyword hit the pattern can need (default 512 before, 1 KiB after;
   * 16 KiB after for multi-line patterns). Detectors with everyday keywords (`key`, `://`) keep
   * it tight: the window, not the file, is what each hit costs.
   */
  window?: { before: number; after: number };
  /** Minimum Shannon entropy (bits per character) of the secret, when the shape alone is not enough. */
  minEntropy?: number;
  /** Extra checks (checksum, context); false drops the match. */
  validate?: (secret: string, context: MatchContext) => boolean;
  /** Skip the shared placeholder check (for keys whose shape is already checksummed). */
  allowPlaceholderLike?: boolean;
  /** How to print it: the prefix kept in the redacted form (default: the secret's leading non-random part). */
  redactPrefix?: (secret: string) => string;
  examples: {
    /** Real-looking keys made from the seeded generator; each must be found. */
    positive: (rng: Rng) => string[];
    /** Text that must not be found (placeholders, doc examples, look-alikes). Safe to commit. */
    negative: string[];
    /**
     * For detectors that need a name beside the value (an AWS secret key, generic): the name the
     * examples are assigned to when the tests render them in each file syntax. Default `token`.
     */
    assignedTo?: string;
  };
}
