import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const grafana = defineProvider({
  id: 'grafana',
  name: 'Grafana',
  aliases: [],
  remediation: revokeAt('Grafana (Administration → Users and access → Service accounts → the account’s tokens)'),
  rotation: { url: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/' },
});
