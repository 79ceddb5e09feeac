import { describe, expect, it } from 'vitest';
import { ALNUM, DIGITS, HEX, UPPER, URLSAFE } from '../../src/detectors/alphabets.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const found = (path: string, text: string) => scan({ path, text, startLine: 1 }).map((f) => f.detector);
const rng = seededRng(31);
const uuid = () => [8, 4, 4, 4, 12].map((n) => rng.string(HEX, n)).join('-');
const b64url = (json: string) => Buffer.from(json).toString('base64url');
const jwt = (payload: object) =>
  `${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url(JSON.stringify(payload))}.${rng.string(URLSAFE, 20)}Xy4${rng.string(URLSAFE, 20)}`;

describe('vendor keys without a prefix need a name that says both whose and secret', () => {
  it('names a Vultr key, a Snyk token and a Railway token beside their documented variables', () => {
    const vultr = `${rng.string(UPPER, 10)}${rng.string(DIGITS, 3)}${rng.string(UPPER + DIGITS, 23)}`;
    expect(found('.env', `VULTR_API_KEY=${vultr}\n`)).toEqual(['vultr-api-key']);
    expect(found('.github/workflows/ci.yml', `env:\n  SNYK_TOKEN: ${uuid()}\n`)).toEqual(['snyk-api-token']);
    expect(found('internal/config/defaults.go', `const (\n\tRailwayToken              = "${uuid()}"\n)\n`)).toEqual([
      'railway-token',
    ]);
  });

  it('leaves ids, regions and the same value under another vendor’s name alone', () => {
    expect(found('.env', `SNYK_ORG_ID=${uuid()}\nRAILWAY_PROJECT_ID=${uuid()}\n`)).toEqual([]);
    expect(found('.env', `SCW_DEFAULT_PROJECT_ID=${uuid()}\n`)).toEqual([]);
    expect(found('config.yml', `vultr:\n  region: ${rng.string(UPPER, 36)}\n`)).toEqual([]);
    const hex64 = `${rng.string(HEX, 31)}c4${rng.string(HEX, 31)}`;
    expect(found('.env', `LINODE_TOKEN=${hex64}\n`)).toEqual(['linode-token']);
    expect(found('.env', `LINODE_IMAGE_SHA=${hex64}\n`)).toEqual([]);
  });
});

describe('prefixed platform keys', () => {
  it('finds DigitalOcean, Doppler, Pulumi, CircleCI, Neon and PlanetScale keys in a shell script', () => {
    const keys = [
      `dop_v1_${rng.string(HEX, 31)}a7${rng.string(HEX, 31)}`,
      `dp.st.prd.${rng.string(ALNUM, 20)}Ce8${rng.string(ALNUM, 20)}`,
      `pul-${rng.string(HEX, 19)}f3${rng.string(HEX, 19)}`,
      `CCIPAT_${rng.string(ALNUM, 10)}Wm4${rng.string(ALNUM, 9)}_${rng.string(HEX, 40)}`,
      `napi_${rng.string('abcdefghijklmnopqrstuvwxyz0123456789', 31)}q5${rng.string('abcdefghijklmnopqrstuvwxyz', 31)}`,
      `pscale_pw_${rng.string(ALNUM, 20)}mK7${rng.string(ALNUM, 20)}`,
    ];
    const text = keys.map((k, i) => `export K${i}="${k}"\n`).join('');
    expect(found('deploy.sh', text)).toEqual([
      'digitalocean-token',
      'doppler-token',
      'pulumi-access-token',
      'circleci-token',
      'neon-api-key',
      'planetscale-token',
    ]);
  });

  it('stays quiet on the C identifiers and doc fillers that share a prefix', () => {
    expect(found('binding.c', 'napi_create_string_utf8(env, "x", NAPI_AUTO_LENGTH, &result);\n')).toEqual([]);
    expect(found('README.md', 'export DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n')).toEqual([]);
    expect(found('docs/doppler.md', 'Service tokens look like `dp.st.dev.XXXX`.\n')).toEqual([]);
  });
});

describe('keys read from what they hold', () => {
  it('names a Supabase service_role JWT, and leaves the public anon key to the generic JWT rule', () => {
    const service = jwt({ iss: 'supabase', ref: rng.string('abcdefghijklmnopqrst', 20), role: 'service_role' });
    const anon = jwt({ iss: 'supabase', ref: rng.string('abcdefghijklmnopqrst', 20), role: 'anon' });
    expect(found('.env', `SUPABASE_SERVICE_ROLE_KEY=${service}\n`)).toEqual(['supabase-service-role-key']);
    expect(found('.env', `SUPABASE_SERVICE_ROLE_KEY=${anon}\n`)).not.toContain('supabase-service-role-key');
  });

  it('finds an FCM legacy server key, not a device registration token', () => {
    const tail = `${rng.string(URLSAFE, 60)}Qe3${rng.string(URLSAFE, 71)}`;
    expect(found('functions/index.js', `const serverKey = "AAAA${rng.string(URLSAFE, 7)}:APA91b${tail}";\n`)).toEqual([
      'google-fcm-server-key',
    ]);
    expect(found('test/fixtures/devices.json', `{"device": "fKz${rng.string(URLSAFE, 8)}:APA91b${tail}"}\n`)).toEqual(
      [],
    );
  });

  it('names an Atlas connection string and an Azure Storage connection string', () => {
    expect(
      found('.env', `MONGO_URL=mongodb+srv://app:${rng.string(ALNUM, 12)}7q@cluster0.ab1cd.mongodb.net/shop\n`),
    ).toEqual(['mongodb-atlas-connection-string']);
    expect(found('.env', 'MONGO_URL=mongodb+srv://<username>:<password>@cluster0.ab1cd.mongodb.net/\n')).toEqual([]);
    const accountKey = `${rng.string(`${ALNUM}+/`, 40)}Kd9${rng.string(`${ALNUM}+/`, 43)}==`;
    expect(
      found(
        'appsettings.json',
        `{"Storage": "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${accountKey};EndpointSuffix=core.windows.net"}\n`,
      ),
    ).toEqual(['azure-storage-account-key']);
  });
});

describe('hostile lines cost bounded time', () => {
  const MB = 1_000_000;
  const lines: [string, string][] = [
    ['a named value', 'VULTR_API_KEY='.repeat(MB / 14)],
    ['aligned names', `VULTR_API_KEY${' '.repeat(60)}=${' '.repeat(60)}`.repeat(MB / 134)],
    ['a SAS query', `sv=2022-11-02${'&sp=rl'.repeat(MB / 6)}&sig=`],
    ['SAS heads', 'sv=2022-11-02&sig='.repeat(MB / 18)],
    ['Atlas hosts', 'mongodb+srv://a:b'.repeat(MB / 34) + '@x.mongodb.net'.repeat(MB / 28)],
    ['JWT heads', `SUPABASE_SERVICE_ROLE_KEY=${'eyJ'.repeat(MB / 3)}`],
    ['base64 after AccountKey', `AccountKey=${'A'.repeat(MB)}`],
    ['kid', 'kid'.repeat(MB / 3)],
  ];

  it.each(lines)(
    'scans a 1 MB line of %s',
    (_name, line) => {
      const started = performance.now();
      found('big.txt', line);
      expect(performance.now() - started).toBeLessThan(20_000);
    },
    30_000,
  );
});
