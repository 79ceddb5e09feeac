import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sonarqube = defineProvider({
  id: 'sonarqube',
  name: 'SonarQube',
  aliases: [],
  remediation: revokeAt('SonarQube (My Account → Security → Tokens)'),
  rotation: { url: 'https://docs.sonarsource.com/sonarqube-server/latest/user-guide/managing-tokens/' },
});
