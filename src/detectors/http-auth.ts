import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';
import { looksSecret } from './generic-value.js';
import { PROVIDER_PREFIX } from './generic.js';

const remediation =
  'Revoke the token or change the password at the service the request goes to — deleting the commit does not make it safe: ' +
  'history, forks and caches keep it. Read it from an environment variable in scripts and docs (`-H "Authorization: Bearer $TOKEN"`).';

/** Basic credentials are base64("user:password"); a bare token is judged like any secret value. */
function isRealHeaderValue(secret: string, match: string): boolean {
  if (/basic\s+\S+$/i.test(match)) {
    const decoded = Buffer.from(secret, 'base64').toString('latin1');
    return (
      /^[\x20-\x7e]+$/.test(decoded) && decoded.includes(':') && !/^[^:]*:(?:password|pass|secret)$/i.test(decoded)
    );
  }
  // `q-sign-algorithm=sha1&q-ak=…` (Tencent COS), `Credential=…/…, Signature=…`: a request signature's
  // parameter list, time-bound and useless once sent; the token before `=` is a parameter's name.
  if (/^[A-Za-z][\w-]*=[^=]/.test(secret)) return false;
  return looksSecret(secret, true, false);
}

export const authorizationHeader: Detector = {
  id: 'generic-auth-header',
  provider: 'generic',
  keyKind: 'Credential in an HTTP authorization header',
  severity: 'medium',
  risk: 'A token in an Authorization or API-key header lets anyone repeat the request with the same rights.',
  remediation,
  keywords: ['authorization', 'api-key', 'apikey', 'api-token', 'auth-token', 'access-token'],
  // "Authorization: Bearer …" and API-key headers in curl commands, HTTP snippets and JSON header maps; at
  // the start of a file too (a `.http` request file).
  // (Plain `token:` is the generic detector's: here only header names, set with `:` or in code with `=`.)
  pattern:
    /(?<=^|["'\s])(?:authorization|(?:x-[a-z0-9]{1,20}-)?(?:api-?key|api-?token|auth-?token|access-?token))\\?["']?[ \t]{0,3}[:=][ \t]{0,3}\\?["']?(?:(?:bearer|basic|token|api-token|digest)[ \t]{1,3})?(?<secret>[A-Za-z0-9+/=_~.:@!-]{8,1000})/gi,
  redactPrefix: () => '',
  validate: (secret, { match }) => !PROVIDER_PREFIX.test(secret) && isRealHeaderValue(secret, match),
  examples: {
    positive: (rng) => [`Bearer ${rng.string(ALNUM, 40)}`, `Token ${rng.string(HEX, 40)}`],
    negative: ['Bearer XXXXXXXXXXXX', 'Bearer $API_KEY', 'Bearer <your token>', 'Basic ...', 'Token *******'],
    assignedTo: 'Authorization',
  },
};

export const curlUserPassword: Detector = {
  id: 'generic-curl-password',
  provider: 'generic',
  keyKind: 'Password in a curl -u/--user option',
  severity: 'medium',
  risk: 'A user:password pair on a curl command line logs anyone in to the server the command calls.',
  remediation,
  keywords: ['curl'],
  // Quotes and backticks end the pair: docs write `curl -u user:pass` in Markdown.
  pattern: /(?:\s-u|--user)(?:[ \t]{1,4}|=)["'\x60]?(?<user>[^\s:"'\x60$\\]{0,64}):(?<secret>[^\s"'\x60\\]{1,128})/g,
  redactPrefix: () => '',
  validate: (secret, { match }) => isRealPassword(secret, /([^\s"'=]*):[^:]*$/.exec(match)?.[1] ?? ''),
  examples: {
    positive: (rng) => [`curl -u deploy:${rng.string(ALNUM, 16)} https://example.com/api`],
    negative: [
      'curl -u "$USER:$PASSWORD" https://example.com',
      'curl --user username:password https://example.com',
      'curl -u test:test',
      'run `curl -u user:pass`, then',
    ],
    assignedTo: 'cmd',
  },
};
