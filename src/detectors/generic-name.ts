// Which assignment names hold a secret. The generic detector's regex finds any name containing a
// secret-like word; this decides from the name's words whether the value is the secret itself or
// something about it (its id, name, file, length, version…).

/** Last words that name a secret: a secret word, alone or joined to a word that says whose (apikey, authtoken). */
const SECRET_LAST = new RegExp(
  '^(?:api|access|auth|secret|private|client|bot|user|app|master|bearer|session|refresh|service|signing|sign|encryption|' +
    'encrypt|admin|db|root|oauth|jwt|deploy|webhook|personal|account|consumer|id|x|)' +
    '(?:key|secret|token|password|passwd|pwd|pass|passphrase|credentials?|auth)$',
);

/** Whole words that end in a secret word but are not one. */
const NOT_SECRET_WORDS = new Set([
  'monkey',
  'turkey',
  'hockey',
  'donkey',
  'jockey',
  'whiskey',
  'hotkey',
  'bypass',
  'compass',
  'surpass',
  'trespass',
  'passkey',
  'pubkey',
  'publickey',
  'primarykey',
  'foreignkey',
  'sortkey',
  'cachekey',
  'hashkey',
  'keykey',
]);

/**
 * A word anywhere in the name that makes the value public or not a credential. `postman`: the
 * Postman-Token header is a per-request id Postman adds to every request it sends, saved with them.
 */
const PUBLIC_WORDS = new Set([
  'public',
  'postman',
  'pub',
  'csrf',
  'xsrf',
  'anti',
  'forgery',
  'next',
  'page',
  'pagination',
  'continuation',
  'cursor',
  'cancellation',
  'cancel',
  'sync',
  'lexer',
  'parser',
  'syntax',
  'test',
  'fake',
  'dummy',
  'mock',
  'example',
  'sample',
  'placeholder',
]);

/** The word before `key` that makes it a lookup key rather than a secret one. */
const LOOKUP_KEY_WORDS = new Set([
  'sort',
  'partition',
  'cache',
  'hash',
  'row',
  'routing',
  'primary',
  'foreign',
  'hot',
  'idempotency',
  'dedup',
  'dedupe',
  'lookup',
  'map',
  'dict',
  'object',
  'translation',
  'i18n',
  'label',
  'message',
  'storage',
  'bucket',
  'registry',
  'schema',
  'sequence',
  'list',
  'unique',
  'composite',
  'state',
  'query',
  'group',
  'entry',
  'item',
  'record',
  'index',
  'field',
  'column',
  'table',
  'node',
  'child',
  'parent',
  'route',
  'menu',
  'tab',
  'event',
  'metric',
  'setting',
  'config',
  'option',
  'property',
  'attribute',
  'attr',
  'prop',
  'data',
  'element',
  'component',
  'react',
  'vue',
  'template',
  'localization',
  'locale',
  'lang',
  'gpg',
  'pgp',
  'kms',
  'tracking',
  'analytics',
  'measurement',
  'recaptcha',
  'site',
  'maps',
  'mapbox',
  'publishable',
  'anon',
]);

/** The words of a name: camelCase, snake_case, kebab-case and dotted parts, lower-cased, trailing digits dropped. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map((w) => w.replace(/\d+$/, ''))
    .filter((w) => w.length > 0);
}

/** True when a value assigned to `name` would be the secret itself. */
export function namesSecret(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (!last || !SECRET_LAST.test(last) || NOT_SECRET_WORDS.has(last)) return false;
  if (words.some((w) => PUBLIC_WORDS.has(w))) return false;
  const before = words[words.length - 2];
  return !(last === 'key' && before !== undefined && LOOKUP_KEY_WORDS.has(before));
}

/**
 * Names whose last word can only mean a credential (token, secret, password) or a key that says whose or
 * what it is (HEROKU_API_KEY, WandbApiKey, ENCRYPTION_KEY — not a bare `key`, `apiKey` or `API_KEY`, as
 * often a lookup, an id or a browser-side search key in a bundle): UUIDs and hex strings assigned to
 * these count as secrets. Vendors issue plain hex (32-hex API keys, 40-hex W&B keys) and UUID keys
 * (Heroku's legacy API keys); lookup and public key names were turned away by namesSecret already.
 */
export function namesStrongSecret(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1] ?? '';
  if (/(?:secret|token|password|passwd|pwd|credentials?|auth)$/.test(last)) return true;
  return /key$/.test(last) && words.slice(0, -1).some((w) => w !== 'api' && w !== 'x');
}

/** A name that is a secret word and nothing else (`apiKey`, `token`, `password`): a builder method's name. */
export function namesSecretWordOnly(words: readonly string[]): boolean {
  return words.length > 0 && words.length <= 2 && SECRET_LAST.test(words.join(''));
}
