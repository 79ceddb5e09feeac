import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const prefect = defineProvider({
  id: 'prefect',
  name: 'Prefect Cloud',
  aliases: [],
  remediation: revokeAt('Prefect Cloud (your profile’s API keys, or the service account’s keys)'),
  rotation: {
    url: 'https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys',
    create: 'Create a key for a service account (not your user) with an expiry.',
    revoke: 'Delete the old key from the API keys page.',
  },
});
