import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { pypi } from '../providers/pypi.js';

// PyPI API tokens are macaroons whose serialized form always starts with the location
// `pypi.org` (`pypi-AgEIcHlwaS5vcmc`) or `test.pypi.org` (`pypi-AgENdGVzdC5weXBpLm9yZw`)
// (https://pypi.org/help/#apitoken). The head decodes to the macaroon's version, its location and the
// length of its identifier (36, a UUID); with that identifier and the 32-byte signature, even a macaroon
// with no caveat serializes to 85 bytes (90 for test.pypi.org), 114 (120) base64url characters, so a
// shorter token is a truncated one (a docs sample cut short) that no upload would accept.
export const pypiApiToken: Detector = {
  id: 'pypi-api-token',
  provider: 'other',
  keyKind: 'PyPI API token',
  severity: 'critical',
  risk: 'A PyPI token uploads new releases of the owner’s projects, a supply-chain attack on everyone who installs them.',
  remediation: pypi.remediation,
  keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>pypi-Ag(?:EIcHlwaS5vcmc[A-Za-z0-9_-]{99,400}|ENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{98,400}))(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 440 },
  redactPrefix: (s) => s.slice(0, 5),
  examples: {
    positive: (rng) => [`pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 150)}`],
    negative: ['pypi-AgEIcHlwaS5vcmc...'],
  },
};
