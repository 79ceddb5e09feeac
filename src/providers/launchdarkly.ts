import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const launchdarkly = defineProvider({
  id: 'launchdarkly',
  name: 'LaunchDarkly',
  aliases: ['launch-darkly'],
  remediation: revokeAt('https://app.launchdarkly.com/settings/authorization'),
  rotation: { url: 'https://docs.launchdarkly.com/home/account/api' },
});
