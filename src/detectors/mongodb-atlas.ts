import type { Detector } from './detector.js';
import { ALNUM, HEX, LOWER } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';
import { UUID_VALUE, namedValuePattern, namedValueWindow, namesVendorSecret } from './named-value.js';
import { mongodbAtlas } from '../providers/mongodb-atlas.js';

const remediation = mongodbAtlas.remediation;

// Connection strings to an Atlas cluster carry a database user's password:
// `mongodb+srv://user:password@cluster0.abcde.mongodb.net/` (https://www.mongodb.com/docs/atlas/connect-to-database-deployment/).
// The generic URL rule finds any such URL; this one names it Atlas. The keyword is the host, after
// the password, so the window reaches back over the user and the password.
export const mongodbAtlasConnectionString: Detector = {
  id: 'mongodb-atlas-connection-string',
  provider: 'other',
  keyKind: 'MongoDB Atlas connection string with a password',
  severity: 'critical',
  risk: 'An Atlas connection string with its password reads, changes and drops every collection the database user’s role reaches.',
  remediation,
  keywords: ['mongodb.net'],
  pattern:
    /mongodb(?:\+srv)?:\/\/[^\s:@/"'`<>]{1,64}:(?<secret>[^\s:@/"'`<>]{3,128})@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,3}\.mongodb\.net/g,
  window: { before: 300, after: 16 },
  // Docs fill the slot with `password`, `<password>` or the user name again, as the generic URL rule knows.
  validate: (s, { match }) => isRealPassword(s, /\/\/([^:]*):/.exec(match)?.[1]),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `mongodb+srv://app:${rng.string(ALNUM, 12)}7q${rng.string(ALNUM, 6)}@cluster0.${rng.string(LOWER, 5)}.mongodb.net/shop?retryWrites=true&w=majority`,
    ],
    negative: [
      'mongodb+srv://<username>:<password>@cluster0.abcde.mongodb.net/',
      'mongodb+srv://user:${MONGO_PASSWORD}@cluster0.abcde.mongodb.net/',
      'mongodb+srv://cluster0.abcde.mongodb.net/',
      'mongodb+srv://user:password@cluster.mongodb.net/db',
    ],
  },
};

const ATLAS_NAMES = ['mongodb_atlas', 'mongodbatlas', 'atlas_private', 'atlasprivate', 'mcli_private'];

// Programmatic API keys: a public key (8 lower-case letters) and a private key, a UUID; the private
// key only beside an Atlas name (`MONGODB_ATLAS_PRIVATE_KEY`, the Terraform provider's;
// `MCLI_PRIVATE_API_KEY`, the Atlas CLI's; https://www.mongodb.com/docs/atlas/configure-api-access/).
export const mongodbAtlasApiPrivateKey: Detector = {
  id: 'mongodb-atlas-api-private-key',
  provider: 'other',
  keyKind: 'MongoDB Atlas API private key',
  severity: 'critical',
  confidence: 'low',
  risk: 'An Atlas API key manages the organization’s or project’s clusters, database users, network access and backups with its roles.',
  remediation,
  keywords: ATLAS_NAMES,
  pattern: namedValuePattern(ATLAS_NAMES, UUID_VALUE),
  window: namedValueWindow(36),
  validate: (_s, { match }) => namesVendorSecret(match),
  redactPrefix: () => '',
  examples: {
    positive: (rng) => [
      `${rng.string(HEX, 8)}-${rng.string(HEX, 4)}-4${rng.string(HEX, 3)}-9${rng.string(HEX, 3)}-${rng.string(HEX, 12)}`,
    ],
    negative: ['xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx', '00000000-0000-0000-0000-000000000000'],
    assignedTo: 'MONGODB_ATLAS_PRIVATE_KEY',
  },
};
