import { describe, expect, it } from 'vitest';
import { HEX } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);

describe('SonarQube tokens without a prefix', () => {
  const token = `${seededRng(13).string(HEX, 19)}c7${seededRng(14).string(HEX, 19)}`;

  it('finds 40 hex after sonar.login / sonar.token in properties, on a command line and in a pom', () => {
    expect(found('sonar-project.properties', `sonar.projectKey=shop\nsonar.login=${token}\n`)).toEqual([
      'sonarqube-login-token',
    ]);
    expect(found('ci/analyse.sh', `mvn sonar:sonar -Dsonar.token=${token}\n`)).toEqual(['sonarqube-login-token']);
    expect(found('pom.xml', `<properties>\n  <sonar.login>${token}</sonar.login>\n</properties>\n`)).toEqual([
      'sonarqube-login-token',
    ]);
  });

  it('stays quiet on 40 hex under other names (a commit id)', () => {
    expect(found('build.properties', `sonar.projectVersion=1.0\ngit.commit=${token}\n`)).toEqual([]);
    expect(found('build.properties', `sonar.scm.revision=${token}\n`)).toEqual([]);
  });
});
