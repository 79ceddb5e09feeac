import type { Detector } from '../../src/detectors/detector.js';
import { detectors as builtIn } from '../../src/detectors/registry.js';
import { findProvider } from '../../src/providers/canonical-provider.js';
import { ownerOfDetector } from '../../src/providers/owner-of-detector.js';

/** Detectors that match by context (names, URLs, headers), not by a key's own shape. */
const NOT_A_PROVIDER = new Set(['generic', 'hygiene', 'custom', 'privatekey']);

export interface KeyShape {
  /** The declared provider's detector whose shape the whole value has; absent when none fits. */
  detector?: Detector;
  /** When none fits: another provider's detector that does (said in the error, to explain a mix-up). */
  lookalike?: Detector;
}

/** The provider's key kinds, e.g. `openai` → project, service-account, admin and user keys. */
export function detectorsOf(provider: string, all: readonly Detector[] = builtIn): Detector[] {
  const record = findProvider(provider);
  if (!record || record.nameless) return [];
  // A record owns the detectors its id starts (src/providers/owner-of-detector.ts), `gitlab` → `gitlab-token`.
  return all.filter((d) => !NOT_A_PROVIDER.has(d.provider) && ownerOfDetector(d.id) === record);
}

/** Whether `value` (already trimmed) is, as a whole, a key of `provider`. Pure; never echoes the value. */
export function checkKeyShape(value: string, provider: string, all: readonly Detector[] = builtIn): KeyShape {
  const detector = detectorsOf(provider, all).find((d) => isWholeKey(d, value));
  if (detector) return { detector };
  const lookalike = all.find((d) => !NOT_A_PROVIDER.has(d.provider) && isWholeKey(d, value));
  return lookalike ? { lookalike } : {};
}

function isWholeKey(detector: Detector, value: string): boolean {
  const pattern = new RegExp(detector.pattern.source, detector.pattern.flags.replace('g', ''));
  const match = pattern.exec(value);
  if (match?.groups?.secret !== value) return false;
  return detector.validate?.(value, { match: match[0], line: value, path: '' }) ?? true;
}
