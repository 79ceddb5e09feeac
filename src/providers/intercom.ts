import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const intercom = defineProvider({
  id: 'intercom',
  name: 'Intercom',
  aliases: [],
  remediation: revokeAt(
    'https://app.intercom.com/a/apps/_/developer-hub (the app → Authentication → regenerate the access token)',
  ),
  rotation: { url: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication' },
});
