import type { Detector } from './detector.js';
import { URLSAFE } from './alphabets.js';
import { pypi } from '../providers/pypi.js';

// PyPI API tokens are macaroons whose serialized form always starts with the location
// `pypi.org` (`pypi-AgEIcHlwaS5vcmc`) or `test.pypi.org` (`pypi-AgENdGVzdC5weXBpLm9yZw`)
// (https://pypi.org/help/#apitoken).
export const pypiApiToken: Detector = {
  id: 'pypi-api-token',
  provider: 'other',
  keyKind: 'PyPI API token',
  severity: 'critical',
  risk: 'A PyPI token uploads new releases of the owner’s projects, a supply-chain attack on everyone who installs them.',
  remediation: pypi.remediation,
  keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,400})(?![A-Za-z0-9_-])/g,
  window: { before: 8, after: 440 },
  redactPrefix: (s) => s.slice(0, 5),
  examples: {
    positive: (rng) => [`pypi-AgEIcHlwaS5vcmcCJD${rng.string(URLSAFE, 150)}`],
    negative: ['pypi-AgEIcHlwaS5vcmc...'],
  },
};
