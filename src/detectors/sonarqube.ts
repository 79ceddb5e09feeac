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

// Tokens without a prefix: SonarQube before 9.5 and SonarCloud issue 40 hex characters, passed to the
// scanner as `sonar.login` / `sonar.token` (a properties file, `-Dsonar.token=`, a pom or Gradle
// property) or the `SONAR_TOKEN` variable
// (https://docs.sonarsource.com/sonarqube-server/latest/analyzing-source-code/analysis-parameters/).
// 40 hex alone is any SHA-1, so only that name makes it a token.
export const sonarqubeLoginToken: Detector = {
  id: 'sonarqube-login-token',
  provider: 'other',
  keyKind: 'SonarQube / SonarCloud token (unprefixed, 40 hex)',
  severity: 'medium',
  confidence: 'low',
  risk: sonarqubeToken.risk,
  remediation: sonarqube.remediation,
  keywords: ['sonar.login', 'sonar.token', 'sonar_login', 'sonar_token', 'sonar-login', 'sonar-token'],
  pattern:
    /(?:(?<=-D)|(?<![A-Za-z0-9]))(?<name>sonar[._-](?:login|token))\\?["']?\s{0,4}(?::=|=>|=|:|,|>)\s{0,4}\\?["']?(?<secret>[0-9a-f]{40})(?![A-Za-z0-9_])/gi,
  window: { before: 8, after: 72 },
  validate: (s) => hasLetterAndDigit(s),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [`${rng.string(HEX, 19)}c7${rng.string(HEX, 19)}`],
    negative: ['0000000000000000000000000000000000000000', 'abc123', `${'ab12'.repeat(9)}zzzz`],
    assignedTo: 'SONAR_TOKEN',
  },
};
