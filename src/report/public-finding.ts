import type { Finding } from '../types.js';

/**
 * A copy of a finding with only the documented fields, in a fixed order. Reporters print this,
 * never the object they were given: if a caller ever passes something that still carries the raw
 * secret (a RawFinding spread into a Finding), the extra field stops here.
 */
export function toPublicFinding(f: Finding): Finding {
  const out: Finding = {
    detector: f.detector,
    provider: f.provider,
    keyKind: f.keyKind,
    severity: f.severity,
    confidence: f.confidence,
    path: f.path,
    line: f.line,
    column: f.column,
    endColumn: f.endColumn,
    fingerprint: f.fingerprint,
    redacted: f.redacted,
  };
  if (f.commit !== undefined) out.commit = f.commit;
  if (f.author !== undefined) out.author = f.author;
  if (f.email !== undefined) out.email = f.email;
  if (f.date !== undefined) out.date = f.date;
  if (f.decodedFrom !== undefined) out.decodedFrom = f.decodedFrom;
  if (f.verification !== undefined) out.verification = { status: f.verification.status, detail: f.verification.detail };
  return out;
}
