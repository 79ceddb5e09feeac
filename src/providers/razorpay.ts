import { defineProvider } from './provider.js';
import { revokeAt } from './revoke-at.js';

export const razorpay = defineProvider({
  id: 'razorpay',
  name: 'Razorpay',
  aliases: [],
  remediation: revokeAt('the Razorpay Dashboard (Account & Settings → API Keys → Regenerate Key)'),
  rotation: { url: 'https://razorpay.com/docs/api/authentication' },
});
