import type { Detector } from './detector.js';
import { ALNUM, HEX } from './alphabets.js';
import { isRealPassword } from './credential-rules.js';

export const remediation =
  'Change the password or revoke the token at the service it logs in to — deleting the commit does not make it safe: ' +
  'history, forks and caches keep it. Keep credentials out of the repository: a secret store, an environment variable, ' +
  'or a file the tool reads from the home directory that is never committed.';

export const netrcPassword: Detector = {
  id: 'generic-netrc-password',
  provider: 'generic',
  keyKind: 'Password in a .netrc entry',
  severity: 'high',
  risk: 'A netrc entry logs anyone in to its machine (git, curl, ftp and pip read the file) as the login it names.',
  remediation,
  keywords: ['machine'],
  // `machine <host> [login <user>] [account <a>] [port <n>] password <pass>`, tokens on one line or several
  // (GNU inetutils manual, "The .netrc file"), also written with `\n` escapes (`printf '…' > ~/.netrc`).
  pattern:
    /(?<![\w-])machine[ \t]{1,8}[^\s"'\\]{1,253}(?:(?:\s|\\[nrt]){1,40}(?:login|account|port)[ \t]{1,8}[^\s"'\\]{1,256}){0,3}(?:\s|\\[nrt]){1,40}password[ \t]{1,8}(?<secret>[^\s"'\\\x60]{1,256})/g,
  window: { before: 8, after: 1024 },
  redactPrefix: () => '',
  // Prose says "the machine where password prompts appear": outside a netrc file, an entry names its login.
  validate: (secret, { match, path }) => {
    const login = /(?:\s|\\[nrt])login[ \t]{1,8}([^\s"'\\]+)/.exec(match)?.[1];
    return (login !== undefined || /(?:^|\/)[._]netrc$/i.test(path)) && isRealPassword(secret, login ?? '');
  },
  examples: {
    positive: (rng) => [
      `machine git.example.com login deploy password ${rng.string(ALNUM, 24)}`,
      `machine api.example.com\n  login bot\n  password ${rng.string(HEX, 40)}`,
    ],
    negative: [
      'machine github.com login x-access-token password $GITHUB_TOKEN',
      'machine example.com login user password password',
      'machine example.com login <user> password <token>',
      'machine learning models need a password manager',
    ],
    assignedTo: 'netrc',
  },
};

export const networkCredential: Detector = {
  id: 'generic-network-credential',
  provider: 'generic',
  keyKind: 'Password in a NetworkCredential constructor',
  severity: 'high',
  risk: 'A password written into a NetworkCredential constructor logs anyone who reads the code in as that user.',
  remediation,
  keywords: ['networkcredential'],
  // C# `new NetworkCredential("user", "pass")` (also `@"…"` strings), VB `New NetworkCredential(…)` and
  // PowerShell `New-Object System.Net.NetworkCredential("user", "pass")`.
  pattern:
    /NetworkCredential[ \t]{0,3}\([ \t]{0,3}@?\\?"(?<user>[^"\\\r\n]{0,128})\\?"[ \t]{0,3},[ \t\r\n]{0,40}@?\\?"(?<secret>[^"\\\r\n]{1,256})\\?"/gi,
  window: { before: 8, after: 512 },
  redactPrefix: () => '',
  validate: (secret, { match }) => isRealPassword(secret, /\(\s*@?\\?"([^"\\]*)/.exec(match)?.[1] ?? ''),
  examples: {
    positive: (rng) => [`client.Credentials = new NetworkCredential("mailer", "${rng.string(ALNUM, 20)}");`],
    negative: [
      'new NetworkCredential("user", "password")',
      'new NetworkCredential("mailer", "")',
      'new NetworkCredential(user, password)',
      'new NetworkCredential("mailer", "{{ smtp_password }}")',
    ],
    assignedTo: 'Mailer.cs',
  },
};

export const commandLinePassword: Detector = {
  id: 'generic-command-line-password',
  provider: 'generic',
  keyKind: 'Password on a database command line',
  severity: 'high',
  risk: 'A password on a mysql, mysqldump or other command line logs anyone who reads the script in to the database.',
  remediation,
  keywords: ['mysql', 'mariadb'],
  // The MySQL clients take `-p<password>` glued to the flag (`-p` alone prompts), MySQL manual, "Command Options
  // for Connecting to the Server". `--password=…` is left to the generic rule, which already reports it.
  pattern:
    /\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mariadb|mariadb-dump)\b[^\n|;&]{0,200}?\s-p["']?(?<secret>[^\s"'\x60;|&]{1,128})/g,
  window: { before: 256, after: 512 },
  redactPrefix: () => '',
  validate: (secret) => isRealPassword(secret),
  examples: {
    positive: (rng) => [
      `mysqldump -u backup -p${rng.string(ALNUM, 18)} shop > shop.sql`,
      `mysql -h db.example.com -u admin -p'${rng.string(ALNUM, 18)}' shop`,
    ],
    negative: [
      'mysql -u root -p shop',
      'mysql -u root -p$MYSQL_ROOT_PASSWORD',
      'mysqldump -u backup -p"${DB_PASSWORD}" shop',
      'mysql --user=admin -ppassword',
      'mysql -u root -p<password>',
    ],
    assignedTo: 'cmd',
  },
};
