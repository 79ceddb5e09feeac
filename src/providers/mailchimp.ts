import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const mailchimp = defineProvider({
  id: 'mailchimp',
  name: 'Mailchimp',
  aliases: [],
  remediation: revokeAt('Mailchimp (Profile → Extras → API keys)'),
  rotation: { url: 'https://mailchimp.com/help/about-api-keys/' },
});
