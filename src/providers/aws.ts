import { defineProvider } from './provider.js';

export const aws = defineProvider({
  id: 'aws',
  name: 'AWS',
  aliases: ['amazon', 'bedrock'],
  remediation:
    'Deactivate and delete the access key in the IAM console (https://console.aws.amazon.com/iam/home#/security_credentials) ' +
    'now — deleting the commit does not make it safe: history, forks and caches keep it. Create a new key (better: move to ' +
    'OIDC roles for CI), update the environment secret, and review CloudTrail for calls made with the old key.',
  rotation: {
    url: 'https://console.aws.amazon.com/iam/home#/security_credentials',
    create:
      'Create a second access key for the IAM user (IAM → Users → Security credentials → Create access key) — or better, switch the workflow to OIDC roles with no stored key.',
    revoke: 'Deactivate the old access key, watch for failures for a day, then delete it.',
  },
});
