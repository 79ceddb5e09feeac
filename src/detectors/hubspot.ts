import type { Detector, Rng } from './detector.js';
import { HEX } from './alphabets.js';
import { hubspot } from '../providers/hubspot.js';

const uuid = (rng: Rng): string => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');

// Private app access tokens: `pat-` + the data-center region (`na1`, `na2`, `eu1`, `ap1`) + `-` + a UUID
// (https://developers.hubspot.com/docs/api/private-apps).
export const hubspotAccessToken: Detector = {
  id: 'hubspot-access-token',
  provider: 'other',
  keyKind: 'HubSpot private app access token',
  severity: 'high',
  risk: 'A HubSpot private app token reads and changes the CRM records (contacts, deals, companies) its scopes cover.',
  remediation: hubspot.remediation,
  keywords: ['pat-na1-', 'pat-na2-', 'pat-eu1-', 'pat-ap1-'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/g,
  window: { before: 2, after: 50 },
  redactPrefix: (s) => s.slice(0, 8),
  examples: {
    positive: (rng) => [`pat-na1-${uuid(rng)}`, `pat-eu1-${uuid(rng)}`],
    negative: ['pat-na1-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', 'pat-na1-00000000-0000-0000-0000-000000000000'],
  },
};
