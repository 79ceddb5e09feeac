import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const zoom = defineProvider({
  id: 'zoom',
  name: 'Zoom',
  aliases: [],
  remediation: revokeAt(
    'https://marketplace.zoom.us/user/build (the app → App Credentials → Regenerate the client secret)',
  ),
  rotation: { url: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/' },
});
