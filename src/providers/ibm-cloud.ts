import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const ibmCloud = defineProvider({
  id: 'ibm-cloud',
  name: 'IBM Cloud',
  aliases: ['ibmcloud'],
  remediation: revokeAt('IBM Cloud (Manage → Access (IAM) → API keys, https://cloud.ibm.com/iam/apikeys)'),
  rotation: {
    url: 'https://cloud.ibm.com/docs/account?topic=account-userapikey',
    create:
      'Create a new API key (for a service ID, not a user, where a workload uses it) under Manage → Access (IAM) → API keys.',
    revoke: 'Delete the old API key there (https://cloud.ibm.com/iam/apikeys).',
  },
});
