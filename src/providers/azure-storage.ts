import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const azureStorage = defineProvider({
  id: 'azure-storage',
  name: 'Azure Storage',
  aliases: [],
  remediation: revokeAt(
    'the Azure portal (the storage account’s Access keys → Rotate key; a leaked SAS is revoked by rotating the key that signed it, or by deleting its stored access policy)',
    'move the workload to the other key or to Entra ID (managed identity) and update the environment secret',
  ),
  rotation: {
    url: 'https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage',
    create: 'Move the application to the secondary key (or to a managed identity) first.',
    revoke: 'Rotate the leaked key under the storage account’s Security + networking → Access keys.',
  },
});
