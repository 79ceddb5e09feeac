import type { Detector } from './detector.js';
import { ALNUM, DIGITS } from './alphabets.js';

export const azureAdClientSecret: Detector = {
  id: 'generic-azure-ad-client-secret',
  provider: 'generic',
  keyKind: 'Microsoft Entra ID (Azure AD) client secret',
  severity: 'high',
  confidence: 'medium', // the fixed `Q~` of the vendor's format, though the group is generic
  risk: 'A client secret signs in as the app registration and gets every Microsoft Graph and Azure permission granted to it.',
  remediation:
    'Delete the secret under the app registration’s "Certificates & secrets" in the Entra admin center (https://entra.microsoft.com) ' +
    'now — deleting the commit does not make it safe — add a new one (or switch to a federated credential for CI), update the ' +
    'environment secret, and review the sign-in logs of the service principal.',
  keywords: ['q~'],
  // Current client secrets: 3 characters, a digit, the fixed "Q~", then 31 to 34 characters.
  pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g,
  redactPrefix: () => '',
  minEntropy: 3.5,
  examples: {
    positive: (rng) => [`${rng.string(ALNUM, 3)}${rng.string(DIGITS, 1)}Q~${rng.string(ALNUM, 34)}`],
    negative: ['bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~'],
  },
};
