import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const bugsnag = defineProvider({
  id: 'bugsnag',
  name: 'Bugsnag',
  aliases: ['bug-snag'],
  remediation: revokeAt('Bugsnag (the project’s settings for its notifier key, or Personal auth tokens)'),
  rotation: { url: 'https://docs.bugsnag.com/product/getting-started/' },
});
