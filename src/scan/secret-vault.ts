import { detectors } from '../detectors/registry.js';
import { liveCheckFor } from '../providers/live-check-for.js';
import type { Finding } from '../types.js';
import { keyFingerprint, type FingerprintKey } from './fingerprint-key.js';
import { fingerprintSecret } from './fingerprint.js';

/**
 * The raw keys of one scan that a provider can be asked about, found again by the fingerprint their
 * findings carry. It lives as long as the scan's verification and is never printed; only keys whose
 * provider has a live check for their kind are kept.
 */
export interface SecretVault {
  /** Give it to runScan as `onSecret` (beside a mask, when the front masks). */
  readonly onSecret: (secret: string, detector: string) => void;
  /** The raw key behind a finding, when it is one a provider can be asked about. */
  secretOf(finding: Pick<Finding, 'fingerprint'>): string | undefined;
}

const BUILT_IN = new Set(detectors.map((d) => d.id));

/**
 * A vault whose fingerprints are keyed as the front keys its findings' (`keyFindings` with the same
 * key), so findings can be matched after keying and baselining; no key: the scanner's own fingerprints.
 */
export function createSecretVault(key?: FingerprintKey): SecretVault {
  const byFingerprint = new Map<string, string>();
  return {
    onSecret: (secret, detector) => {
      // Built-in detectors only: a repository's own detector may take a provider's id as its head
      // (`openai-internal`), and what it matches is no key of that provider's to send there.
      if (BUILT_IN.has(detector) && liveCheckFor(detector, secret))
        byFingerprint.set(keyFingerprint(fingerprintSecret(detector, secret), key), secret);
    },
    secretOf: (finding) => byFingerprint.get(finding.fingerprint),
  };
}
