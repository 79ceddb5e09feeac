import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const newrelic = defineProvider({
  id: 'newrelic',
  name: 'New Relic',
  aliases: ['new-relic'],
  remediation: revokeAt('https://one.newrelic.com/api-keys'),
  rotation: { url: 'https://docs.newrelic.com/docs/apis/intro-apis/new-relic-api-keys/' },
});
