import type { Confidence } from '../types.js';
import type { Detector } from './detector.js';

/**
 * How sure a detector's findings are (see `Confidence`): its own `confidence` when set, else `low`
 * for the generic group (only a name says the value is a secret) and `medium` for any other, whose
 * pattern is a vendor's documented format or a repository's own detector.
 */
export function confidenceOf(detector: Pick<Detector, 'confidence' | 'provider'>): Confidence {
  return detector.confidence ?? (detector.provider === 'generic' ? 'low' : 'medium');
}
