import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const hubspot = defineProvider({
  id: 'hubspot',
  name: 'HubSpot',
  aliases: [],
  remediation: revokeAt('HubSpot (Settings → Integrations → Private Apps → the app → Auth → Rotate)'),
  rotation: { url: 'https://developers.hubspot.com/docs/api/private-apps' },
});
