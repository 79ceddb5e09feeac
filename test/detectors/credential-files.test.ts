import { describe, expect, it } from 'vitest';
import { ALNUM, HEX } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);
const rng = seededRng(13);
const pass = () => rng.string(ALNUM, 20);

describe('credentials in the files and commands that hold them', () => {
  it.each([
    ['.netrc', () => `machine ftp.example.com\nlogin deploy\npassword ${pass()}\n`, 'generic-netrc-password'],
    ['home/.netrc', () => `machine ftp.example.com password ${pass()}\n`, 'generic-netrc-password'],
    [
      '_netrc',
      () => `machine api.wandb.ai\n  login user\n  password ${rng.string(HEX, 40)}\n`,
      'generic-netrc-password',
    ],
    [
      'Dockerfile',
      () => `RUN printf 'machine git.example.com\\nlogin ci\\npassword ${pass()}\\n' > /root/.netrc\n`,
      'generic-netrc-password',
    ],
    [
      'Web.config',
      () =>
        `<configuration>\n  <appSettings>\n    <add key="SmtpPassword" value="${pass()}" />\n  </appSettings>\n</configuration>\n`,
      'generic-dotnet-config-password',
    ],
    [
      'NuGet.Config',
      () =>
        `<packageSourceCredentials>\n  <feed>\n    <add key="Username" value="ci" />\n    <add key="ClearTextPassword" value="${pass()}" />\n  </feed>\n</packageSourceCredentials>\n`,
      'generic-dotnet-config-password',
    ],
    [
      'src/Mailer.cs',
      () => `client.Credentials = new NetworkCredential("mailer", "${pass()}");\n`,
      'generic-network-credential',
    ],
    [
      'Send.ps1',
      () => `$cred = New-Object System.Net.NetworkCredential("mailer", "${pass()}")\n`,
      'generic-network-credential',
    ],
    ['backup.sh', () => `mysqldump -u backup -p${pass()} shop > shop.sql\n`, 'generic-command-line-password'],
    [
      'restore.sh',
      () => `mysql --host=db --user=admin -p'${pass()}' shop < shop.sql\n`,
      'generic-command-line-password',
    ],
    ['login.sh', () => `mysql --host=db --user=admin --password=${pass()} shop < shop.sql\n`, 'generic-secret'],
  ])('reports the password in %s', (path, text, detector) => {
    expect(found(path, text())).toContain(detector);
  });

  it.each([
    ['.netrc', 'machine github.com login x-access-token password ${GITHUB_TOKEN}\n'],
    ['.netrc', 'machine example.com\nlogin username\npassword password\n'],
    ['README.md', 'The machine learning pipeline keeps its password in a vault.\n'],
    ['README.md', 'Open a shell on the machine where password prompts appear.\n'],
    ['Web.config', '<add key="SmtpPassword" value="#{SmtpPassword}" />\n<add key="ApiToken" value="__ApiToken__" />\n'],
    [
      'NuGet.Config',
      '<add key="ClearTextPassword" value="%FEED_PASSWORD%" />\n<add key="RequireToken" value="true" />\n',
    ],
    ['some.xml', `<add key="ClearTextPassword" value="Q7mRt2Lk9Vx4Pz8W" />\n`],
    ['src/Mailer.cs', 'new NetworkCredential(user, password);\nnew NetworkCredential("user", "password");\n'],
    ['backup.sh', 'mysql -u root -p shop\nmysqldump -u backup -p"$DB_PASSWORD" shop\nmysql --password=<password>\n'],
  ])('stays quiet on a placeholder in %s', (path, text) => {
    expect(found(path, text)).toEqual([]);
  });

  it('stays linear on hostile lines', () => {
    const MB = 1_000_000;
    for (const line of [
      'machine a '.repeat(MB / 10),
      `machine a${' login b'.repeat(MB / 8)}`,
      '<add key="Password" '.repeat(MB / 20),
      'NetworkCredential("a", '.repeat(MB / 23),
      `mysql ${' -x'.repeat(MB / 3)}`,
      `${['mysql', '-p'].join(' ')}`.repeat(MB / 8),
    ]) {
      expect(found('big.config', line)).toBeDefined();
    }
  });
});
