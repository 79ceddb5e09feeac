import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import type { Finding } from '../../src/types.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const scanText = (path: string, text: string): Finding[] => scan({ path, text, startLine: 1 });
const generic = (path: string, text: string): string[] =>
  scanText(path, text)
    .filter((f) => f.detector === 'generic-secret')
    .map((f) => `${f.line}`);

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
describe('the generic rule on column-aligned assignments', () => {
  const secret = seededRng(13).string(ALNUM, 32);
  const pad = ' '.repeat(16);
  it.each([
    [
      'internal/config/defaults.go',
      `const (\n\tDefaultRegion             = "us-east-1"\n\tclientSecret${pad}= "${secret}"\n)\n`,
    ],
    ['config/app.yaml', `service:\n  region:${pad}eu-west-1\n  client_secret:${pad}${secret}\n`],
    ['config/app.ini', `[auth]\nregion${pad}= eu\nclient_secret${pad}=${pad}${secret}\n`],
    ['config/app.toml', `[auth]\nclient_secret\t\t\t\t\t\t= "${secret}"\n`],
  ])('finds a secret padded to a column in %s', (path, text) => {
    expect(generic(path, text)).toHaveLength(1);
  });

  it('stays linear on a long run of blanks after a secret name', () => {
    const line = `client_secret${' '.repeat(1_000_000)}= "${secret}"`;
    const started = performance.now();
    scanText('big.txt', line);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('filler passwords', () => {
  it.each([
    ['charts/mariadb/values.yaml', 'auth:\n  rootPassword: newRootPassword123\n  password: changeme\n'],
    ['.env.example', 'DB_PASSWORD=password123\nJWT_SECRET=secret\n'],
    ['main.tf', 'password       = "rootpasswd"\n'],
    ['docker-compose.yml', 'services:\n  db:\n    environment:\n      MYSQL_ROOT_PASSWORD: my-secret-pw!\n'],
    ['.env', 'ADMIN_PASSWORD=SuperSecretPassword1\n'],
  ])('never reports the filler password in %s', (path, text) => {
    expect(scanText(path, text)).toEqual([]);
  });

  it('still reports a password a person really set next to filler words', () => {
    const real = `root${seededRng(5).string(ALNUM, 10)}7`;
    expect(generic('.env', `DB_PASSWORD=${real}\n`)).toHaveLength(1);
    expect(scanText('.env', `DATABASE_URL=postgres://app:${real}@db.internal:5432/app\n`)).toHaveLength(1);
  });

  it('splits a long run of filler-like letters in linear time', () => {
    const line = `password=${'passw'.repeat(40)}x`;
    const started = performance.now();
    scanText('big.txt', line.repeat(5000));
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});

describe('hex and UUID keys under key names', () => {
  const rng = seededRng(21);
  const HEX = '0123456789abcdef';
  const hex32 = rng.string(HEX, 32);
  const hex40 = rng.string(HEX, 40);
  const uuid = [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');

  it.each([
    ['40-hex', '.env', `INDEXER_API_KEY=${hex40}\n`],
    ['UUID', '.env', `HEROKU_API_KEY=${uuid}\n`],
    ['32-hex', 'config/app.yaml', `billing:\n  stripeWebhookKey: ${hex32}\n`],
    ['32-hex', 'config/app.json', `{ "encryption_key": "${hex32}" }\n`],
  ])('finds a %s key in %s', (_shape, path, text) => {
    expect(generic(path, text)).toHaveLength(1);
  });

  it('finds random 32-hex keys whatever their sampled entropy (a fixed bar near the mean missed 1 in 5)', () => {
    const keys = Array.from({ length: 100 }, () => rng.string(HEX, 32));
    const text = keys.map((k, i) => `PAYMENTS_${i}_API_KEY=${k}\n`).join('');
    expect(generic('.env', text)).toHaveLength(keys.length);
  });

  it.each([
    ['bare key', `key: ${uuid}\n`],
    ['bare apiKey (a browser search key in a bundle)', `{appId:"APP",apiKey:"${hex32}",indexName:"npm"}\n`],
    ['cache key', `CACHE_KEY=${hex40}\n`],
    ['public key', `PUBLIC_KEY=${hex32}\n`],
    ['mixed-case hex', `MERAKI_API_KEY=${hex40.slice(0, 20).toUpperCase()}${hex40.slice(20)}\n`],
  ])('leaves a hex or UUID value alone under a %s', (_what, text) => {
    expect(generic('config.env', text)).toEqual([]);
  });
});

describe('noise the generic rules never report', () => {
  it.each([
    ['a translated password label', 'i18n/es/login.json', '{\n  "login": {\n    "password": "Contraseña"\n  }\n}\n'],
    ['a translated password label', 'i18n/nl/login.json', '{\n  "password": "Wachtwoord"\n}\n'],
    ['a translated password label', 'i18n/pt-pt/login.json', '{\n  "password": "Palavra-passe"\n}\n'],
    ['a translated passphrase label', 'locales/ja/messages.json', '{ "passphrase": "秘密鍵のパスフレーズ(任意)" }\n'],
    ['the next name in a list', 'dist/cli.cjs', 'const s=new Set(["injectNpmPassword","injectNpm2FaToken","zip"]);\n'],
    ['code after a list item', 'dist/cli.cjs', 'npmAuthIdent:{type:"SECRET",default:null},\n'],
    ['the next name in a source map', 'dist/create-user.js.map', '{"names":["password","firstname","appContext"]}\n'],
    [
      'optional chaining',
      'dist/lancedb.js.map',
      '{"sourcesContent":["this.textKey = args?.textKey ?? \\"text\\";"]}\n',
    ],
    ['a Kubernetes taint name', 'charts/app/values.yaml', 'tolerations:\n  - key: node.kubernetes.io/unschedulable\n'],
    ['base64 of prose', 'docs/events.md', `    "key": "${Buffer.from('Some key').toString('base64')}"\n`],
    [
      'capitalised slot names in a URL',
      'docs/install.md',
      `git clone https://USERNAME:${'PERSONAL_ACCESS'}_TOKEN@github.com/acme/private.git\n`,
    ],
    [
      'a Helm template',
      'charts/app/templates/secret.yaml',
      'data:\n  password: {{ .Values.auth.password | b64enc }}\n  token: {{ randAlphaNum 16 | b64enc }}\n',
    ],
    ['a workflow expression', '.github/workflows/release.yml', 'env:\n  NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n'],
    [
      'a Jinja template',
      'roles/db/templates/my.cnf.j2',
      '[client]\npassword = {{ vault_db_password }}\n{% if x %}token = {% endif %}\n',
    ],
    ['an ERB template', 'config/database.yml', "production:\n  password: <%= ENV['DATABASE_PASSWORD'] %>\n"],
  ])('%s (%s)', (_what, path, text) => {
    expect(scanText(path, text)).toEqual([]);
  });

  it('leaves the Postman-Token request id in a saved request alone', () => {
    const HEX = '0123456789abcdef';
    const rng = seededRng(3);
    const id = [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');
    expect(scanText('test/resources/request.json', `{ "headers": { "Postman-Token": "${id}" } }\n`)).toEqual([]);
  });

  it('still reports a quoted value in an argument list and a password of random letters', () => {
    const rng = seededRng(9);
    const key = rng.string(ALNUM, 28);
    expect(generic('app/settings.py', `config.set("api_key", "${key}")\n`)).toHaveLength(1);
    const letters = rng.string('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ', 16);
    expect(generic('.env', `DB_PASSWORD=${letters}\n`)).toHaveLength(1);
  });

  it('judges a long run of words in linear time', () => {
    const line = `{"password": "${'Wordy-'.repeat(30)}x"}`.repeat(2000);
    const started = performance.now();
    scanText('big.json', line);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
