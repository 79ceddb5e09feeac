import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const jfrog = defineProvider({
  id: 'jfrog',
  name: 'JFrog Artifactory',
  aliases: ['artifactory'],
  remediation: revokeAt(
    'the JFrog Platform (Administration → User Management → Access Tokens, or your profile’s API key)',
  ),
  rotation: {
    url: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    create: 'Create a scoped access token with an expiry (API keys are deprecated), or use OIDC from CI.',
    revoke: 'Revoke the old access token, or the user’s API key.',
  },
  federation: {
    url: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/openid-connect-integration',
  },
});
