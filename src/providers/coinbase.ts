import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const coinbase = defineProvider({
  id: 'coinbase',
  name: 'Coinbase',
  aliases: [],
  remediation: revokeAt('https://portal.cdp.coinbase.com/projects/api-keys (the key → Delete)'),
  rotation: { url: 'https://docs.cdp.coinbase.com/get-started/docs/cdp-api-keys' },
});
