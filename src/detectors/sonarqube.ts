import type { Detector } from './detector.js';
import { HEX } from './alphabets.js';
import { hasLetterAndDigit } from './token-shape.js';
import { sonarqube } from '../providers/sonarqube.js';

// SonarQube 9.5+ tokens: `squ_` (user), `sqp_` (project analysis), `sqa_` (global analysis) + 40
// characters, hex in SonarSource's docs (https://docs.sonarsource.com/sonarqube-server/user-guide/managing-tokens/).
export const sonarqubeToken: Detector = {
  id: 'sonarqube-token',
  provider: 'other',
  keyKind: 'SonarQube / SonarCloud token',
  severity: 'medium',
  risk: 'A SonarQube token reads the analysed source code and issues of every project its user can browse and submits analyses.',
  remediation: sonarqube.remediation,
  keywords: ['squ_', 'sqp_', 'sqa_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sq[upa]_[A-Za-z0-9]{40})(?![A-Za-z0-9_])/g,
  window: { before: 8, after: 52 },
  validate: (s) => hasLetterAndDigit(s.slice(4)),
  redactPrefix: (s) => s.slice(0, 4),
  examples: {
    positive: (rng) => [
      `squ_${rng.string(HEX, 19)}e1${rng.string(HEX, 19)}`,
      `sqp_${rng.string(HEX, 19)}4b${rng.string(HEX, 19)}`,
    ],
    negative: ['squ_abc', 'sqa_0000000000000000000000000000000000000000'],
  },
};
