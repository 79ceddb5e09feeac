import type { Confidence, Finding } from '../types.js';
import type { FingerprintKey } from './fingerprint-key.js';

/**
 * A baseline accepts today's findings by fingerprint; paths are kept only to help a reader.
 * `fingerprints` says how they were made: `keyed` under a secret (its `keyCheck` recorded, never
 * the key), or `unkeyed` — under the published constant, which hides high-entropy keys but not a
 * password a word list holds. A baseline without the field is from before keys: unkeyed.
 */
export interface Baseline {
  version: 1;
  fingerprints: 'keyed' | 'unkeyed';
  keyCheck?: string;
  /** `confidence` (how sure the finding was) is for the reader too; baselines made before it lack it. */
  findings: { fingerprint: string; detector: string; path: string; confidence?: Confidence }[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

/** The baseline of findings whose fingerprints were made under `key` (none: unkeyed). */
export function createBaseline(findings: readonly Finding[], key?: FingerprintKey): Baseline {
  const seen = new Map<string, Baseline['findings'][number]>();
  for (const f of findings)
    if (!seen.has(f.fingerprint))
      seen.set(f.fingerprint, {
        fingerprint: f.fingerprint,
        detector: f.detector,
        path: f.path,
        confidence: f.confidence,
      });
  return {
    version: 1,
    ...(key ? { fingerprints: 'keyed', keyCheck: key.check } : { fingerprints: 'unkeyed' }),
    findings: [...seen.values()].sort(
      (a, b) => a.path.localeCompare(b.path) || a.fingerprint.localeCompare(b.fingerprint),
    ),
  };
}

/**
 * Reads a baseline file's text into the set of accepted fingerprints, for a scan whose findings are
 * keyed with `key` (none: unkeyed). A baseline made under another key would silently report every
 * finding as new: that is a one-line error instead.
 */
export function parseBaseline(text: string, source: string, key?: FingerprintKey): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineError(`${source}: not valid JSON (expected the output of \`key-hygiene baseline\`)`);
  }
  const baseline = data as Partial<Baseline> | null;
  const list = baseline?.findings;
  if (
    !Array.isArray(list) ||
    list.some((f) => typeof f?.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(f.fingerprint))
  ) {
    throw new BaselineError(`${source}: expected {"version":1,"findings":[{"fingerprint":"<64 hex>",…}]}`);
  }
  checkBaselineKey(baseline!, source, key);
  return new Set(list.map((f) => f.fingerprint));
}

function checkBaselineKey(baseline: Partial<Baseline>, source: string, key: FingerprintKey | undefined): void {
  const kind = baseline.fingerprints ?? 'unkeyed';
  if (kind !== 'keyed' && kind !== 'unkeyed')
    throw new BaselineError(`${source}: field 'fingerprints' must be "keyed" or "unkeyed"`);
  if (kind === 'keyed' && (typeof baseline.keyCheck !== 'string' || !/^[0-9a-f]{16}$/.test(baseline.keyCheck))) {
    throw new BaselineError(
      `${source}: a keyed baseline needs 'keyCheck' (16 hex characters, as \`key-hygiene baseline\` writes it)`,
    );
  }
  if (kind === 'unkeyed' && key) {
    throw new BaselineError(
      `${source} was made without a fingerprint key, but this scan has one: make it again with \`key-hygiene baseline\` and the same key set`,
    );
  }
  if (kind === 'keyed' && !key) {
    throw new BaselineError(
      `${source} was made with a fingerprint key, but this scan has none: set the same key (KEY_HYGIENE_FINGERPRINT_KEY for the CLI, the Action's fingerprint-key input)`,
    );
  }
  if (kind === 'keyed' && key && baseline.keyCheck !== key.check) {
    throw new BaselineError(
      `${source} was made with another fingerprint key (key check ${baseline.keyCheck}, this key's ${key.check}): use the key it was made with, or make it again`,
    );
  }
}

/** Findings whose fingerprint the baseline does not hold: only these are new. */
export function dropBaselined(findings: readonly Finding[], accepted: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => !accepted.has(f.fingerprint));
}
