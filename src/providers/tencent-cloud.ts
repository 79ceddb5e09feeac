import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const tencentCloud = defineProvider({
  id: 'tencent-cloud',
  name: 'Tencent Cloud',
  aliases: ['tencentcloud', 'qcloud'],
  remediation: revokeAt(
    'the CAM console (https://console.tencentcloud.com/cam/capi): disable, then delete the SecretId/SecretKey pair',
  ),
  rotation: {
    url: 'https://www.tencentcloud.com/document/product/598/32675',
    create: 'Create a new API key for a sub-user (not the root account) holding only the permissions it needs.',
    revoke: 'Disable the old key under Access Key → API Keys, then delete it.',
  },
});
