import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';
import { PROVIDER_PREFIX, genericSecret } from './generic.js';
import { namesSecret, namesStrongSecret } from './generic-name.js';
import { looksSecret } from './generic-value.js';

// `?api_key=…`, `&access_token=…`, `&password=…`: a key in a URL's query or a form body, where a vendor
// without a header of its own takes it (and JDBC URLs take the password). The value ends at the next `&`
// or `#`, and is percent-decoded before it is judged as the generic rule judges any value.
const NAME = String.raw`(?<name>[A-Za-z0-9_.-]{0,40}?(?:key|secret|token|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth)[A-Za-z0-9_]{0,12})`;

/**
 * An image's URL (`…/badge.svg?token=…`, `…/graph/badge?token=…`): the query is an embed token made to
 * be pasted into public READMEs (Codecov's badge token, a CI status badge), read-only by design.
 */
const BADGE_URL = /(?:\/badges?(?:\.svg|\.png)?|\.svg|\/graph\/[\w./-]*)$/i;

/** The URL (or path) in `line` that the query `match` belongs to, without its query. */
function urlBefore(match: string, line: string): string {
  const at = line.indexOf(match);
  if (at < 0) return '';
  const head = match.startsWith('&') ? line.slice(0, Math.max(0, line.lastIndexOf('?', at))) : line.slice(0, at);
  const start = Math.max(...[' ', '\t', '"', "'", '(', '<', '`'].map((c) => head.lastIndexOf(c))) + 1;
  return head.slice(start);
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

export const genericUrlParam: Detector = {
  id: 'generic-url-param',
  provider: 'generic',
  keyKind: 'Secret in a URL query or form parameter',
  severity: 'medium',
  risk: 'A key or password in a URL is logged by every proxy, server and browser history it passes through, and lets anyone repeat the request.',
  remediation: genericSecret.remediation,
  keywords: genericSecret.keywords,
  pattern: new RegExp(`[?&]${NAME}=(?<secret>[^&#\\s"'\\x60<>(){}\\[\\]|\\\\]{8,200})`, 'gi'),
  window: { before: 48, after: 280 },
  redactPrefix: () => '',
  validate: (secret, { match, line }) => {
    const name = /^[?&]([^=]*)/.exec(match)?.[1] ?? '';
    if (!namesSecret(name) || PROVIDER_PREFIX.test(secret)) return false;
    if (BADGE_URL.test(urlBefore(match, line))) return false;
    const value = decoded(secret);
    const isPassword = /pass|pwd/i.test(name);
    return looksSecret(value, namesStrongSecret(name), isPassword) && (!isPassword || isRealPassword(value));
  },
  examples: {
    positive: (rng) => [
      `https://api.acme.example/v2/orders?api_key=${rng.string(ALNUM, 32)}&limit=10`,
      `https://hooks.acme.example/ingest?source=ci&token=${rng.string(HEX, 40)}`,
    ],
    negative: [
      'https://api.acme.example/v2/orders?api_key=YOUR_API_KEY&limit=10',
      'https://api.acme.example/v2/orders?api_key={{api_key}}',
      'https://api.acme.example/v2/orders?api_key=${ACME_KEY}',
      'https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=x4oCgiexvp',
      'https://acme.example/search?sort_key=createdAt&page_token=a1b2c3d4e5',
    ],
    assignedTo: 'url',
  },
};
