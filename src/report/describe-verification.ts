import type { KeyVerification } from '../types.js';

/** Whether a leaked key still works, in one sentence for every report: text, SARIF, the summary, annotations. */
export function describeVerification(v: KeyVerification): string {
  if (v.status === 'live') return `Still live: its provider accepts it (${v.detail})`;
  if (v.status === 'revoked') return `Revoked: its provider refuses it (${v.detail})`;
  return `Live or not is unknown (${v.detail})`;
}
