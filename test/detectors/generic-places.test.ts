import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

// Keys of vendors we do not name, in the places their docs put them: only the generic rules can find them.
const scan = createScanner(detectors);
const found = (path: string, text: string): string[] =>
  scan({ path, text, startLine: 1 }).map((f) => `${f.detector}:${f.line}`);

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const HEX = '0123456789abcdef';
const rng = seededRng(1313);
const key = rng.string(ALNUM, 32);
const hex = rng.string(HEX, 40);

describe('an unnamed vendor key where docs put it', () => {
  it.each([
    ['a CLI option', 'scripts/deploy.sh', `quillpay deploy --api-key ${key} --region eu\n`, 'generic-cli-flag:1'],
    [
      'a CLI option in a workflow',
      '.github/workflows/ci.yml',
      `      - run: nimbus publish --token ${hex}\n`,
      'generic-cli-flag:1',
    ],
    ['a Dockerfile ENV without =', 'Dockerfile', `FROM node:22\nENV ORBITLY_API_KEY ${key}\n`, 'generic-cli-flag:2'],
    [
      'a query parameter',
      'app/orders.py',
      `requests.get("https://api.q.example/v2?api_key=${key}&limit=10")\n`,
      'generic-url-param:1',
    ],
    [
      'a later query parameter',
      'ingest.sh',
      `curl "https://h.example/in?source=ci&access_token=${key}"\n`,
      'generic-url-param:1',
    ],
    [
      'a JDBC password',
      'app.properties',
      `url=jdbc:postgresql://db:5432/shop?user=shop&password=${key}\n`,
      'generic-url-param:1',
    ],
    [
      'a Kubernetes env pair',
      'k8s/app.yaml',
      `env:\n  - name: ZENTRIO_API_KEY\n    value: "${key}"\n`,
      'generic-name-value:3',
    ],
    [
      'a task definition pair',
      'ecs/task.json',
      `[{ "name": "NIMBUS_TOKEN", "value": "${hex}" }]\n`,
      'generic-name-value:1',
    ],
    ['an XML element', 'config/app.xml', `<app>\n  <apiKey>${key}</apiKey>\n</app>\n`, 'generic-xml-element:2'],
    [
      'an Android string',
      'res/values/keys.xml',
      `<string name="nimbus_api_key" translatable="false">${key}</string>\n`,
      'generic-xml-element:1',
    ],
    ['a setter', 'src/Billing.java', `client.setApiKey("${key}");\n`, 'generic-secret:1'],
    [
      'a bare live-mode key',
      'src/billing.ts',
      `const client = new Quillpay("qp_live_${key}");\n`,
      'generic-live-key:1',
    ],
    ['a live-mode key under a name', '.env', `QUILLPAY_SECRET_KEY=qp_live_${key}\n`, 'generic-live-key:1'],
    ['a request file', 'requests/events.http', `Authorization: Bearer ${key}\n`, 'generic-auth-header:1'],
  ])('finds %s', (_what, path, text, expected) => {
    expect(found(path, text)).toEqual([expected]);
  });
});

describe('a prefixed key whose parts are joined by underscores', () => {
  it('is a key under a key name when a part is a random run, an id when a word follows the run', () => {
    const prefixed = `acmev2_pt_a${rng.string(HEX, 31)}_b${rng.string(HEX, 9)}`; // an unnamed vendor's shape (LangSmith's has a detector)
    expect(found('.env', `ACME_API_KEY=${prefixed}\n`)).toEqual(['generic-secret:1']);
    expect(found('.env', `ACME_TOKEN=${rng.string(HEX, 32)}-user\n`)).toEqual([]);
    expect(found('.env', 'ACME_TOKEN=refresh_token_rotation_enabled\n')).toEqual([]);
  });
});

describe('the same places holding no key', () => {
  it.each([
    ['an env reference', 'deploy.sh', 'quillpay deploy --api-key "$QUILLPAY_API_KEY"\n'],
    ['a slot', 'README.md', 'quillpay deploy --api-key <your-api-key>\n'],
    ['a user:password filler', 'docs/cli.md', 'serverless config credentials --auth username:password\n'],
    ['a key file option', 'deploy.sh', 'acme login --token-file ./secrets/token.txt --key-id 1234567890abcdef\n'],
    ['a query slot', 'docs/orders.md', 'GET https://api.q.example/v2/orders?api_key=YOUR_API_KEY&limit=10\n'],
    [
      'a badge token',
      'README.md',
      '[![c](https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=Q7ZK2MUD4X)](x)\n',
    ],
    [
      'a secret reference',
      'k8s/app.yaml',
      'env:\n  - name: ZENTRIO_API_KEY\n    valueFrom:\n      secretKeyRef:\n        name: z\n',
    ],
    ['a Helm value', 'charts/a/templates/d.yaml', '- name: ZENTRIO_API_KEY\n  value: {{ .Values.apiKey | quote }}\n'],
    ['a Maven property', 'settings.xml', '<server>\n  <password>${env.DEPLOY_PASSWORD}</password>\n</server>\n'],
    ['a getter taking a name', 'src/Vault.java', 'String token = vault.getToken("zentrio-production");\n'],
    ['a live-mode slot', '.env.example', 'QUILLPAY_SECRET_KEY=qp_live_xxxxxxxxxxxxxxxxxxxxxxxx\n'],
    ['a publishable key', 'src/pay.ts', `const pay = new Pay("pk_live_${key}");\n`],
  ])('stays quiet on %s', (_what, path, text) => {
    expect(found(path, text)).toEqual([]);
  });
});

describe('noise on real code', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64');
  it.each([
    // A chart's Secret with base64 of filler passwords and user names.
    [
      'base64 fillers',
      'k8s/secret.yml.ejs',
      `data:\n  username: ${b64('jhipster')}\n  password: ${b64('password\n')}\n  admin: ${b64('Administrator')}\n`,
    ],
    [
      'words with counted numbers',
      'docs/info.md',
      `api keys:\n  myKey: ${['some123valid456api789', 'key1011for1213api1415gateway'].join('')}\n`,
    ],
    [
      'a numbered slot as URL password',
      'dist/vault.cjs',
      `new Error("like dotenv://:${'key_1234'}@dotenv.org/vault/.env.vault")\n`,
    ],
    [
      'a signature parameter list',
      'docs/cos.md',
      `"Authorization": "q-sign-algorithm=sha1&q-ak=${'AKID'}Qm6iUh2NJ6jL41tVUis9KpY5R&q-sign-time=15"\n`,
    ],
    [
      'a code expression after a token argument',
      'src/client.py',
      'return self._post("/oauth/token", cast_to=httpx.Response)\n',
    ],
    [
      'a keyword argument holding an expression',
      'src/client.py',
      'resp = self._get(path, api_key=api_key, cast_to=httpx.Response)\n',
    ],
    ['the next name after a value with a space', '.env', 'API_TOKEN=some value here\nNEXT_VARIABLE=1\n'],
    ['a Python %-format slot', 'config/app.ini', 'password = %(db_password)s\napi_key = %(api_key)s\n'],
    ['a word after "Token,"', 'docs/auth.md', 'Pass the API Token, GitHubAppInstallationToken or a session.\n'],
  ])('%s', (_what, path, text) => {
    expect(found(path, text)).toEqual([]);
  });

  it('still reports an encoded password that is really set, and a counted value that is not words', () => {
    const real = `${rng.string(ALNUM, 14)}!7`;
    expect(found('k8s/secret.yaml', `data:\n  password: ${b64(real)}\n`)).not.toEqual([]);
    expect(found('.env', `API_TOKEN=${rng.string(ALNUM, 20)}123456\n`)).toEqual(['generic-secret:1']);
  });
});
