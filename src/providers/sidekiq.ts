import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const sidekiq = defineProvider({
  id: 'sidekiq',
  name: 'Sidekiq (Contribsys)',
  aliases: [],
  remediation: revokeAt(
    'Contribsys (email support@contribsys.com for new credentials)',
    'update the Bundler setting in CI',
  ),
  rotation: { url: 'https://sidekiq.org' },
});
