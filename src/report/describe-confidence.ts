import type { Confidence } from '../types.js';

const WHY: Record<Confidence, string> = {
  high: 'its checksum checks out',
  medium: 'it has its vendor’s key format',
  low: 'only the name beside it says it is a secret',
};

/** "Medium confidence: it has its vendor’s key format" — how sure a finding is, and why, for a person. */
export function describeConfidence(confidence: Confidence): string {
  const why = WHY[confidence] as string | undefined;
  return why ? `${confidence[0]!.toUpperCase()}${confidence.slice(1)} confidence: ${why}` : 'Confidence not known';
}
