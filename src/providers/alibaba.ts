import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const alibaba = defineProvider({
  id: 'alibaba',
  name: 'Alibaba Cloud',
  aliases: ['aliyun', 'alibaba-cloud'],
  remediation: revokeAt(
    'the RAM console (https://ram.console.aliyun.com/manage/ak): disable, then delete the AccessKey pair',
    'create a new pair for a RAM user with only the policies it needs (or use an STS role) and update the environment secret',
  ),
  rotation: {
    url: 'https://www.alibabacloud.com/help/en/ram/user-guide/create-an-accesskey-pair',
    create: 'Create a new AccessKey pair for a RAM user (never the root account) with only the policies it needs.',
    revoke: 'Disable the old AccessKey pair in the RAM console, watch for failures, then delete it.',
  },
});
