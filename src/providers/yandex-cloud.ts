import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const yandexCloud = defineProvider({
  id: 'yandex-cloud',
  name: 'Yandex Cloud',
  aliases: ['yandex'],
  remediation: revokeAt('the Yandex Cloud console (the service account’s API keys, or `yc iam api-key delete`)'),
  rotation: {
    url: 'https://yandex.cloud/en/docs/iam/operations/authentication/manage-api-keys',
    create: 'Create a new API key for the service account, scoped and with an expiry where the service allows it.',
    revoke: 'Delete the old key (`yc iam api-key delete <id>`).',
  },
});
