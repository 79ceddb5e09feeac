import type { Detector } from './detector.js';
import { ALNUM, DIGITS, LOWER, UPPER } from './alphabets.js';
import { namesSecret, namesSecretWordOnly, namesStrongSecret, wordsOf } from './generic-name.js';
import { looksSecret } from './generic-value.js';
import { isRealPassword } from './credential-rules.js';

// NAME <op> VALUE in .env, YAML, JSON, TS/JS/Python, shell and CLI flags. Every quantifier is bounded and
// the name's parts never repeat over the same characters, so the cost stays linear on any line. The blank
// around the operator is any run of spaces and tabs up to 64: gofmt'd const blocks and aligned YAML, INI
// and TOML pad names to a column (`clientSecret                = "…"`); a blank is no name or value
// character, so a long run costs one pass.
const BLANK = String.raw`[ \t]{0,64}`;
const NAME = String.raw`(?<name>[A-Za-z0-9_.-]{0,40}?(?:key|secret|token|passw(?:or)?d|pwd|pass(?:phrase)?|credentials?|auth)[A-Za-z0-9_]{0,12})`;
// A setter or builder call with a quoted argument (`client.setApiKey("…")`, `.withToken('…')`) is an
// assignment too: validate keeps it only for set/with names and bare secret words (not getToken("name")).
const OPERATOR = String.raw`(?:(?:\\?["'])?\]?${BLANK}(?::=|=>|=(?![=~])|:(?![:/]))|\\?["'][ \t]{0,2},|\([ \t]{0,2}(?=\\?["'\x60]))`;
const VALUE = String.raw`${BLANK}(?:\\{0,2}["'\x60])?(?<secret>[^\s"'\x60,;\\<>(){}\[\]|]{8,200})`;

/**
 * Values that belong to a provider detector (or another shape-specific one: JWTs, Entra ID secrets):
 * it has judged them by their exact shape already, and a doc token it let go must stay quiet here too.
 * Mapbox's `pk.` tokens are public by design (its detector reports only `sk.`).
 */
export const PROVIDER_PREFIX =
  /^(?:sk-|[sr]k_(?:live|test|prod)_|pk_(?:live|test)_|gh[pousr]_|github_pat_|npm_|xox|xapp-|hf_|api_org_|AIza|whsec_|A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{4}|eyJ[\w-]{4,}\.eyJ|[\w~.]{3}\dQ~|[a-z]{2,12}_live_|[ps]k\.eyJ)/;

/** Names a provider detector owns: a value of another shape there is encrypted or a filler, not some other key. */
const PROVIDER_NAME = /aws_?secret_?access_?key|secret_?access_?key|azure_?openai/;

/**
 * API descriptions (OpenAPI, Swagger) are documentation: their `"token": "…"` values are examples by
 * definition, thousands of them in GitHub's own. Shape-specific detectors still run there.
 */
const API_DESCRIPTION_PATH = /(?:^|\/)(?:openapi|swagger)(?:[^/]*\.(?:json|ya?ml)$|\/)/i;

/**
 * Languages where a bare identifier is a reference to a variable, constant or type, never a literal:
 * `pass = orgSecretsTrackedIn(owner)`, `password: PasswordPolicy`. Shell, env, YAML, INI and the like
 * are left out: an unquoted word there is the value itself.
 */
const CODE_PATH = /\.(?:[cm]?[jt]sx?|py|go|java|kts?|cs|rb|php|rs|swift|scala|c|cc|cpp|h|hpp)$/i;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** An unquoted identifier assigned in source code: the code names a value, it does not hold one. */
function isCodeReference(secret: string, match: string, path: string): boolean {
  if (!CODE_PATH.test(path) || !IDENTIFIER.test(secret)) return false;
  return !/["'\x60]/.test(match.charAt(match.length - secret.length - 1));
}

const nameOf = (match: string): string => /^[A-Za-z0-9_.-]*/.exec(match)?.[0] ?? '';

/**
 * `"password", "…"`: a name then a comma is an argument list or an array. Only a quoted literal there can
 * be the value (`set("api_key", "…")`); an unquoted one is code (`type:"SECRET",default:null`), and a
 * quoted word is the next item of a list of names (`["password","firstname"]`), so it is judged as
 * strictly as any value: no leeway for words that a password name gives.
 */
const LIST_FORM = /^[A-Za-z0-9_.-]*\\?["'][ \t]{0,2},/;

/**
 * `name("…")`: a setter or builder that takes the secret (`setApiKey`, `withToken`, `.password`), not a
 * getter or a check that takes a name (`getToken("github")`, `hasSecret("db")`).
 */
const CALL_FORM = /^[A-Za-z0-9_.-]*\(/;
function isSetterCall(name: string): boolean {
  const words = wordsOf(name.split('.').pop() ?? '');
  return /^(?:set|with|use)$/.test(words[0] ?? '') || namesSecretWordOnly(words);
}

export const genericSecret: Detector = {
  id: 'generic-secret',
  provider: 'generic',
  keyKind: 'Secret assigned to a key, token or password name',
  severity: 'medium',
  risk: 'A high-entropy value assigned to a secret-like name is most likely a credential that grants whatever access its service gives.',
  remediation:
    'Find which service issued the value, revoke or rotate it there — deleting the commit does not make it safe: history, ' +
    'forks and caches keep it — then load the new value from an environment secret or a secret manager instead of the source. ' +
    'If the value is not a secret, add an inline `key-hygiene:allow` comment or an allow rule.',
  // '_auth' too: the scanner's prefilter reports the longest keyword at a position, and '_auth' is a
  // base64 trigger (src/scan/base64.ts) that would otherwise hide 'auth' in names such as user_auth.
  keywords: ['key', 'secret', 'token', 'passw', 'pwd', 'pass', 'credential', 'auth', '_auth'],
  // Not after `?` or `&`: a URL's query parameter is generic-url-param's, which ends the value at the next `&`.
  pattern: new RegExp(`(?<![A-Za-z0-9_.?&-])${NAME}${OPERATOR}${VALUE}`, 'gi'),
  // The name holds the keyword: at most 40 characters before it; the rest of the name, the blanks, the
  // operator and the value fit in 360 after.
  window: { before: 48, after: 360 },
  redactPrefix: () => '',
  validate: (secret, { match, path }) => {
    if (API_DESCRIPTION_PATH.test(path) || isCodeReference(secret, match, path)) return false;
    const name = nameOf(match);
    if (!namesSecret(name) || PROVIDER_NAME.test(wordsOf(name).join('_')) || PROVIDER_PREFIX.test(secret)) return false;
    if (CALL_FORM.test(match) && !isSetterCall(name)) return false;
    const listed = LIST_FORM.test(match);
    if (listed && !/["'\x60]/.test(match.charAt(match.length - secret.length - 1))) return false;
    const isPassword = /pass|pwd/i.test(name);
    return (
      looksSecret(secret, namesStrongSecret(name), isPassword && !listed) && (!isPassword || isRealPassword(secret))
    );
  },
  examples: {
    positive: (rng) => [
      `${rng.string(UPPER, 2)}${rng.string(DIGITS, 2)}${rng.string(LOWER, 2)}${rng.string(ALNUM, 26)}`,
      `${rng.string(ALNUM, 12)}${rng.string(DIGITS, 1)}${rng.string('!#%+=@^', 1)}${rng.string(ALNUM, 6)}`,
    ],
    negative: [
      'your-api-key-here',
      '${API_KEY}',
      '{{ api_key }}',
      '${{ secrets.API_KEY }}',
      'process.env.API_KEY',
      'os.environ',
      '<your-token>',
      'AKIAIOSFODNN7EXAMPLE',
      '********',
      'xxxxxxxxxxxxxxxxxxxx',
      'aaaaaaaaaaaaaaaa',
      '1234567890abcdef',
      'sha512-w1Ru2Ku7bD9ClO0gdqnSnbYVnLMNsrUcBTItd8I7Ei3x4ttRQyFbqM7I0ELlR5sT9yFnBGiKYP4wmQT2Mg8jNg==',
      'data:image/png;base64,iVBORw0KGgo',
      '550e8400-e29b-41d4-a716-446655440000',
      '9a038989604e8da62ecddbe2094b16ce1b778be1',
      '/etc/ssl/private/server.key',
      'https://example.com/api',
      'this.apiKey',
      'getToken',
      'true',
      '3600',
      'Please enter your password',
      'REDACTED',
      'sk-...',
      'changeme123',
      '42:https://api.example.com/repos/acme/api',
      'updatedAt:',
      'app/settings.py:4',
      'scan.detectors.0',
    ],
    assignedTo: 'api_key',
  },
};
