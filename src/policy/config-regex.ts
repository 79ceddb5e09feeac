import type { RE2JS } from 're2js';
import { re2js } from './load-re2js.js';

/**
 * A regex a repository's config supplies (`scan.detectors[].pattern`, `scan.allow.regexes`,
 * `track-names`, `production-environments`), compiled by RE2JS, a port of RE2: matching takes time
 * linear in the text whatever the pattern, where a backtracking engine (V8's RegExp) can take hours
 * on `(\w+)+!` (https://github.com/google/re2/wiki/WhyRE2). Our own detectors stay on RegExp.
 */
export interface ConfigRegex {
  /** The pattern as the config wrote it. Config input: mask it before quoting it. */
  readonly source: string;
  /** Whether it matches anywhere in `text`. */
  test(text: string): boolean;
  /** Every match in `text`, left to right, as a global RegExp's `exec` loop finds them. */
  matchAll(text: string): Iterable<RegexMatch>;
}

export interface RegexMatch {
  /** Where the whole match starts in the text. */
  index: number;
  /** The whole match. */
  text: string;
  /** The named `secret` group, when the pattern has one and it took part. */
  secret?: string;
  /** Where the `secret` group starts in the text. */
  secretIndex?: number;
}

/** The longest pattern a config may hold: it is read, quoted and compiled on every scan. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * The largest RE2 program a config regex may compile to. RE2 is linear in the text, but the factor is
 * the program's size: capturing a match costs about (text length × program size) steps, ~25 ns each
 * (measured: a 1,000-instruction pattern that matches everywhere takes ~26 s per MB, a 500-instruction
 * one ~13 s, a 41-instruction `acme_(?<secret>[a-z0-9]{32})` ~1 s at its worst). 500 keeps two
 * `[A-Za-z0-9]{20,100}` runs (375) and rejects `\w{1,1000}` (2003).
 */
export const MAX_PROGRAM_SIZE = 500;

/** Why a config regex cannot be used, in words that never quote it (the caller names field and value). */
export class ConfigRegexError extends Error {
  override name = 'ConfigRegexError';
}

export interface ConfigRegexOptions {
  /** Match letters in either case (as `(?i)` does). */
  ignoreCase?: boolean;
}

/**
 * Compiles a config regex written in JavaScript syntax (`(?<secret>…)`, `\u0041`, `[^]`), as configs
 * always were, into RE2. Throws a ConfigRegexError saying what is wrong: RE2 syntax has no look-around
 * and no back-references, and a pattern past the size limits is refused.
 */
export function compileConfigRegex(source: string, options: ConfigRegexOptions = {}): ConfigRegex {
  const re = compileRe2(source, options.ignoreCase ? re2js().RE2JS.CASE_INSENSITIVE : 0);
  const hasSecret = 'secret' in re.namedGroups();
  return {
    source,
    test: (text) => re.test(text),
    *matchAll(text) {
      const m = re.matcher(text);
      while (m.find()) {
        const secret = hasSecret ? m.group('secret') : null;
        yield {
          index: m.start(),
          text: m.group() ?? '',
          ...(secret !== null && { secret, secretIndex: m.start('secret') }),
        };
      }
    },
  };
}

/** The named groups a config regex defines (e.g. to require `secret`); throws like compileConfigRegex. */
export function namedGroupsOf(source: string): string[] {
  return Object.keys(compileRe2(source, 0).namedGroups());
}

function compileRe2(source: string, flags: number): RE2JS {
  if (source.length > MAX_PATTERN_LENGTH) throw new ConfigRegexError(`longer than ${MAX_PATTERN_LENGTH} characters`);
  let re: RE2JS;
  try {
    const { RE2JS: Re2 } = re2js();
    re = Re2.compile(Re2.translateRegExp(source), flags);
  } catch (error) {
    throw new ConfigRegexError(describeSyntaxError(error));
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    throw new ConfigRegexError(
      `too large to run on every file: ${size} RE2 instructions, at most ${MAX_PROGRAM_SIZE} (narrow the repeat counts)`,
    );
  }
  return re;
}

const LOOK_AROUND = /^\(\?(?:<?[=!])|^\\[1-9]/;

/** RE2's reason, without the fragment of the pattern it quotes (config input: it may hold a key). */
function describeSyntaxError(error: unknown): string {
  if (!(error instanceof re2js().RE2JSSyntaxException)) return 'expected a regular expression in RE2 syntax';
  if (LOOK_AROUND.test(error.input ?? '')) return 'look-around and back-references are not supported (RE2 syntax)';
  return `expected a regular expression in RE2 syntax (${error.error})`;
}
