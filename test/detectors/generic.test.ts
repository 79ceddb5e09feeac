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
    ['internal/config/defaults.go', `const (\n\tDefaultRegion             = "us-east-1"\n\tclientSecret${pad}= "${secret}"\n)\n`],
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
    ['40-hex', '.env', `WANDB_API_KEY=${hex40}\n`],
    ['UUID', '.env', `HEROKU_API_KEY=${uuid}\n`],
    ['32-hex', 'config/app.yaml', `billing:\n  stripeWebhookKey: ${hex32}\n`],
    ['32-hex', 'config/app.json', `{ "encryption_key": "${hex32}" }\n`],
  ])('finds a %s key in %s', (_shape, path, text) => {
    expect(generic(path, text)).toHaveLength(1);
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
