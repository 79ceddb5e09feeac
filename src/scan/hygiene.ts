import type { Detector } from '../detectors/detector.js';
import type { Finding } from '../types.js';
import { fingerprintSecret } from './fingerprint.js';
import { confidenceOf } from '../detectors/confidence-of.js';

/**
 * The rule behind a finding that is not a key pattern: a `.env`-family file git tracks. It is a
 * Detector only so reports describe it like the others; the scanner never runs its pattern.
 */
export const envFileRule: Detector = {
  id: 'hygiene-env-file',
  provider: 'hygiene',
  keyKind: 'Tracked .env file',
  severity: 'medium',
  risk: 'A .env file in git ends up holding real keys sooner or later, and every clone and fork keeps them.',
  remediation:
    'Remove it from git (`git rm --cached <file>`), add `.env*` to .gitignore, commit a `.env.example` with ' +
    'placeholders instead, and rotate any real key it ever held.',
  keywords: [],
  pattern: /(?!)/g,
  examples: { positive: () => [], negative: [] },
};

/** A finding for a `.env`-family file that git tracks or is about to. */
export function envFileFinding(path: string): Finding {
  return {
    detector: envFileRule.id,
    provider: envFileRule.provider,
    keyKind: envFileRule.keyKind,
    severity: envFileRule.severity,
    confidence: confidenceOf(envFileRule),
    path,
    line: 1,
    column: 1,
    endColumn: 1,
    fingerprint: fingerprintSecret(envFileRule.id, path),
    redacted: '',
  };
}
