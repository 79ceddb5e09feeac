import type { Detector } from './detector.js';
import { isRealPassword } from './credential-rules.js';
import { PROVIDER_PREFIX, genericSecret } from './generic.js';
import { namesSecret, namesStrongSecret } from './generic-name.js';
import { looksSecret } from './generic-value.js';

// XML config: an element named for the secret (`<apiKey>…</apiKey>`, Maven settings.xml's
// `<password>…</password>`) or an Android string resource named for one
// (`<string name="acme_api_key">…</string>`). Maven's encrypted `{…}` passwords are left alone.
const NAME = String.raw`[A-Za-z0-9_.:-]{0,40}?(?:key|secret|token|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth)[A-Za-z0-9_]{0,12}`;
const VALUE = String.raw`[ \t]{0,8}(?<secret>[^\s"'\x60<>{}]{8,200})[ \t]{0,8}</`;

export const genericXmlElement: Detector = {
  id: 'generic-xml-element',
  provider: 'generic',
  keyKind: 'Secret in an XML element named for it',
  severity: 'medium',
  risk: genericSecret.risk,
  remediation: genericSecret.remediation,
  keywords: genericSecret.keywords,
  pattern: new RegExp(`(?:<(?<tag>${NAME})>|<string[ \\t]{1,8}name="(?<name>${NAME})"[^>]{0,80}>)${VALUE}`, 'gi'),
  window: { before: 64, after: 300 },
  redactPrefix: () => '',
  validate: (secret, { match }) => {
    const name = (/^<string[ \t]+name="([^"]+)"/i.exec(match)?.[1] ?? /^<([^>]+)>/.exec(match)?.[1] ?? '').replace(
      /^.*:/,
      '',
    );
    if (!namesSecret(name) || PROVIDER_PREFIX.test(secret)) return false;
    const isPassword = /pass|pwd/i.test(name);
    return looksSecret(secret, namesStrongSecret(name), isPassword) && (!isPassword || isRealPassword(secret));
  },
  examples: {
    positive: () => [],
    negative: [
      '<password>${env.DEPLOY_PASSWORD}</password>',
      '<password>{COQLCE6DU6GtcS5P=}</password>',
      '<apiKey>YOUR_API_KEY</apiKey>',
      '<string name="google_api_key" translatable="false">REPLACE_ME</string>',
    ],
  },
};
