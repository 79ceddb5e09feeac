import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const launchdarkly = defineProvider({
  id: 'launchdarkly',
  name: 'LaunchDarkly',
  aliases: ['launch-darkly'],
  remediation: revokeAt('https://app.launchdarkly.com/settings/authorization'),
  rotation: { url: 'https://docs.launchdarkly.com/home/account/api' },
  // GET /api/v2/caller-identity describes the access token, sent bare in `Authorization`
  // (https://apidocs.launchdarkly.com/tag/Other#operation/getCallerIdentity); SDK keys cannot call it.
  liveCheck: {
    defaultUrl: 'https://app.launchdarkly.com',
    path: '/api/v2/caller-identity',
    auth: { header: 'Authorization' },
    detectors: ['launchdarkly-access-token'],
  },
});
