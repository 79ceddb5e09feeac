import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const posthog = defineProvider({
  id: 'posthog',
  name: 'PostHog',
  aliases: ['post-hog'],
  remediation: revokeAt('PostHog (Settings → User → Personal API keys)'),
  rotation: { url: 'https://posthog.com/docs/api#private-endpoint-authentication' },
});
