import { detectors } from '../../src/detectors/registry.js';
import { seededRng } from './seeded-rng.js';

/** A real-looking key of a detector's kind, made at test time from a seed (never committed). */
export function makeKey(detectorId: string, seed = 1): string {
  const detector = detectors.find((d) => d.id === detectorId);
  if (!detector) throw new Error(`no detector ${detectorId}`);
  const [key] = detector.examples.positive(seededRng(seed));
  return key!;
}
