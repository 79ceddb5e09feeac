import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { startProviderStandIn, type ProviderStandIn } from '../support/provider-stand-in.js';
import { runCli, runCliAsync } from '../support/run-cli.js';

// The cloud, hosting, database and CI vendors' keys as a user meets them: a repository holding a
// `.env`, a .NET settings file and docs, scanned by the built CLI; and `--verify` asking each
// vendor's identity endpoint, played by a real HTTP stand-in on 127.0.0.1. Keys are made at test
// time from the detectors' seeded examples.

let repo: TestRepo;
afterEach(() => repo?.remove());

const keys = {
  digitalocean: makeKey('digitalocean-token', 3),
  vultr: makeKey('vultr-api-key', 4),
  supabase: makeKey('supabase-service-role-key', 5),
  doppler: makeKey('doppler-token', 6),
  azure: makeKey('azure-storage-account-key', 7),
  pulumi: makeKey('pulumi-access-token', 8),
  circleci: makeKey('circleci-token', 9),
};

function expectNoKeyShown(output: string): void {
  for (const key of Object.values(keys)) expect(output).not.toContain(key.slice(8, -6));
}

describe('key-hygiene scan on platform vendors’ keys', () => {
  it('names each vendor’s key, redacted, says where to revoke it, and stays quiet on the docs’ placeholders', () => {
    repo = createTestRepo();
    repo.write('.gitignore', 'node_modules/\n');
    repo.write(
      '.env',
      [
        `DIGITALOCEAN_TOKEN=${keys.digitalocean}`,
        `VULTR_API_KEY=${keys.vultr}`,
        `SUPABASE_SERVICE_ROLE_KEY=${keys.supabase}`,
        `DOPPLER_TOKEN=${keys.doppler}`,
        'VULTR_REGION=ewr',
        '',
      ].join('\n'),
    );
    repo.write(
      'appsettings.json',
      `{ "ConnectionStrings": { "Blobs": "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=${keys.azure};EndpointSuffix=core.windows.net" } }\n`,
    );
    repo.write(
      'docs/setup.md',
      [
        'export DIGITALOCEAN_TOKEN=dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
        'export SCW_SECRET_KEY=xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
        'MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.abcde.mongodb.net/',
        '',
      ].join('\n'),
    );
    repo.commit('config');

    const json = runCli(['scan', '.', '--no-config', '--format', 'json'], { cwd: repo.root, env: repo.env });
    const sarif = runCli(['scan', '.', '--no-config', '--format', 'sarif'], { cwd: repo.root, env: repo.env });
    expect([json.code, sarif.code]).toEqual([1, 1]);
    const findings = (
      JSON.parse(json.stdout) as { findings: Array<{ detector: string; path: string; redacted: string }> }
    ).findings;
    expect(findings.map((f) => `${f.path} ${f.detector}`).sort()).toEqual([
      '.env digitalocean-token',
      '.env doppler-token',
      '.env hygiene-env-file',
      '.env supabase-service-role-key',
      '.env vultr-api-key',
      'appsettings.json azure-storage-account-key',
    ]);
    expect(findings.find((f) => f.detector === 'digitalocean-token')!.redacted).toBe(
      `dop_v1_…${keys.digitalocean.slice(-4)}`,
    );
    expect(sarif.stdout).toContain('https://cloud.digitalocean.com/account/api/tokens');
    expectNoKeyShown(json.stdout + json.stderr + sarif.stdout + sarif.stderr);
  });
});

describe('key-hygiene scan --verify on platform vendors’ keys', () => {
  const standIns = new Map<string, ProviderStandIn>();
  beforeAll(async () => {
    for (const provider of ['digitalocean', 'pulumi', 'circleci'])
      standIns.set(provider, await startProviderStandIn(provider));
  });
  afterAll(async () => {
    for (const standIn of standIns.values()) await standIn.close();
  });

  it('asks each vendor in its documented header: Bearer, `token` and Circle-Token', async () => {
    repo = createTestRepo();
    repo.write(
      'deploy/env.sh',
      `export DIGITALOCEAN_TOKEN=${keys.digitalocean}\nexport PULUMI_ACCESS_TOKEN=${keys.pulumi}\nexport CIRCLECI_TOKEN=${keys.circleci}\n`,
    );
    standIns.get('digitalocean')!.answers.set(keys.digitalocean, 'live');
    standIns.get('circleci')!.answers.set(keys.circleci, 'live');
    const urls = [...standIns].flatMap(([provider, s]) => ['--verify-url', `${provider}=${s.url}`]);
    const run = await runCliAsync(['scan', '.', '--no-config', '--verify', ...urls, '--format', 'json'], {
      cwd: repo.root,
      env: repo.env,
    });
    expect([run.code, run.stderr]).toEqual([1, '']);
    const findings = (
      JSON.parse(run.stdout) as { findings: Array<{ detector: string; verification?: { status: string } }> }
    ).findings;
    expect(Object.fromEntries(findings.map((f) => [f.detector, f.verification?.status]))).toEqual({
      'digitalocean-token': 'live',
      'pulumi-access-token': 'revoked',
      'circleci-token': 'live',
    });
    expect(standIns.get('digitalocean')!.requests.map((r) => [r.path, r.key])).toEqual([
      ['/v2/account', keys.digitalocean],
    ]);
    expect(standIns.get('pulumi')!.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/api/user', `token ${keys.pulumi}`],
    ]);
    expect(standIns.get('circleci')!.requests.map((r) => [r.path, r.headers['circle-token']])).toEqual([
      ['/api/v2/me', keys.circleci],
    ]);
    expectNoKeyShown(run.stdout + run.stderr);
  });
});
