import type { Finding } from '../types.js';

/** A baseline accepts today's findings by fingerprint; paths are kept only to help a reader. */
export interface Baseline {
  version: 1;
  findings: { fingerprint: string; detector: string; path: string }[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

export function createBaseline(findings: readonly Finding[]): Baseline {
  const seen = new Map<string, Baseline['findings'][number]>();
  for (const f of findings) if (!seen.has(f.fingerprint)) seen.set(f.fingerprint, { fingerprint: f.fingerprint, detector: f.detector, path: f.path });
  return { version: 1, findings: [...seen.values()].sort((a, b) => a.path.localeCompare(b.path) || a.fingerprint.localeCompare(b.fingerprint)) };
}

/** Reads a baseline file's text into the set of accepted fingerprints. */
export function parseBaseline(text: string, source: string): Set<string> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new BaselineError(`${source}: not valid JSON (expected the output of \`key-hygiene baseline\`)`);
  }
  const list = (data as Partial<Baseline> | null)?.findings;
  if (!Array.isArray(list) || list.some((f) => typeof f?.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(f.fingerprint))) {
    throw new BaselineError(`${source}: expected {"version":1,"findings":[{"fingerprint":"<64 hex>",…}]}`);
  }
  return new Set(list.map((f) => f.fingerprint));
}

/** Findings whose fingerprint the baseline does not hold: only these are new. */
export function dropBaselined(findings: readonly Finding[], accepted: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => !accepted.has(f.fingerprint));
}
