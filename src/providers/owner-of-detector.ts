import type { ProviderRecord } from './provider.js';
import { providers } from './registry.js';

/**
 * The record that owns a detector: detector ids are `provider-kind` (src/detectors/detector.ts),
 * so the owner is the record whose id, then a dash, starts the detector's id — the longest such id,
 * so `azure-openai-key` is Azure OpenAI's even beside a provider `azure`. Undefined for an id no
 * record starts (a repository's own detector).
 */
export function ownerOfDetector(detectorId: string): ProviderRecord | undefined {
  let owner: ProviderRecord | undefined;
  for (const record of providers) {
    if (detectorId.startsWith(`${record.id}-`) && record.id.length > (owner?.id.length ?? 0)) owner = record;
  }
  return owner;
}
