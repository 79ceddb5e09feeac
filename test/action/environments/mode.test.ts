import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { runActionAsync, type ActionRun } from '../../support/run-action.js';

// `mode: environments` run as a runner runs dist/index.js, against the GitHub API emulator.
// Secret dates are seeded relative to the real clock, which is the `now` the Action judges them at.

const DAY = 86_400_000;
const daysAgo = (days: number): Date => new Date(Date.now() - days * DAY);
const day = (date: Date): string => date.toISOString().slice(0, 10);

const POLICY = `
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [development, staging, production]
    rotate-every: 90d
    remind-before: 14d
    owners: ['@acme/ml-platform']
`;

/** What the README's recipe mints: the App's permissions for `mode: environments`. */
const APP_PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  dependabot_secrets: 'read',
  metadata: 'read',
} as const;

let gh: GitHubEmulator;
let workspace: string;

beforeEach(async () => {
  gh = await startGitHubEmulator();
  workspace = mkdtempSync(join(tmpdir(), 'kh-env-'));
  gh.seed.app({ slug: 'key-hygiene', permissions: APP_PERMISSIONS });
  gh.seed.repo({ fullName: 'acme/app' });
  gh.seed.user('mona');
  gh.seed.environment({ repo: 'acme/app', name: 'development' });
  gh.seed.environment({ repo: 'acme/app', name: 'staging' });
  gh.seed.environment({ repo: 'acme/app', name: 'production', reviewers: ['mona'] });
});

afterEach(async () => {
  await gh.close();
  rmSync(workspace, { recursive: true, force: true });
});

function writePolicy(text: string): void {
  mkdirSync(join(workspace, '.github'), { recursive: true });
  writeFileSync(join(workspace, '.github', 'key-hygiene.yml'), text);
}

/** A token as actions/create-github-app-token mints it, with the App's permissions unless narrowed. */
function appToken(permissions?: Record<string, 'read' | 'write'>): string {
  return appInstallationToken(permissions).token;
}

function appInstallationToken(permissions?: Record<string, 'read' | 'write'>): { token: string; installation: number } {
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...APP_PERMISSIONS } });
  return {
    token: gh.seed.installationToken(installation.id, permissions ? { permissions } : {}),
    installation: installation.id,
  };
}

function run(token: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runActionAsync({
    workspace,
    eventName: 'schedule',
    payload: { schedule: '17 6 * * 1' },
    inputs: { mode: 'environments', token, ...inputs },
    env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY_ID: String(gh.store.repo('acme', 'app')!.id) },
  });
}

/** The check annotations (they carry a title); the step's closing setFailed line does not. */
const checks = (result: ActionRun) => result.annotations.filter((a) => a.properties.title !== undefined);

const secret = (environment: string, name: string, days: number) =>
  gh.seed.secret({ scope: 'environment', repo: 'acme/app', environment, name, updatedAt: daysAgo(days) });

describe('mode: environments', () => {
  it('passes when every environment holds its own fresh key and production is gated', async () => {
    writePolicy(POLICY);
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    const result = await run(appToken());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.annotations).toEqual([]);
    expect(result.outputs.findings).toBe('0');
    expect(result.summary).toContain('| Environment | Secret | Present | Scope | Last rotated | Due | Status |');
    expect(result.summary).toContain(
      `| production | \`OPENAI_API_KEY\` | yes | environment | ${day(daysAgo(10))} | ${day(daysAgo(10 - 90))} | ✅ ok |`,
    );
  });

  it('flags due-soon, overdue, missing and shared keys and fails on errors', async () => {
    writePolicy(`${POLICY}
  - secret: ANTHROPIC_API_KEY
    environments: [staging, production, qa]
`);
    secret('development', 'OPENAI_API_KEY', 10);
    secret('staging', 'OPENAI_API_KEY', 80);
    secret('production', 'OPENAI_API_KEY', 100);
    secret('production', 'ANTHROPIC_API_KEY', 5);
    gh.seed.secret({ scope: 'repo', repo: 'acme/app', name: 'ANTHROPIC_API_KEY', updatedAt: daysAgo(30) });
    gh.seed.secret({ scope: 'org', org: 'acme', name: 'ANTHROPIC_API_KEY', updatedAt: daysAgo(200) });
    const result = await run(appToken());

    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['warning', 'OPENAI_API_KEY due for rotation in staging'],
      ['error', 'OPENAI_API_KEY overdue for rotation in production'],
      ['error', 'ANTHROPIC_API_KEY missing in staging'],
      ['error', 'ANTHROPIC_API_KEY missing in qa'],
      ['error', 'ANTHROPIC_API_KEY shared across environments'],
      ['error', 'ANTHROPIC_API_KEY shared across environments'],
    ]);
    expect(checks(result)[2]!.message).toContain('its jobs get the repository value');
    expect(checks(result)[3]!.message).toContain('Environment qa does not exist in acme/app');
    expect(result.outputs.findings).toBe('6');
    expect(result.stdout).toContain('::error::6 environment checks failed (5 errors, 1 warning)');

    const rows = result.summary.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Environment'));
    expect(rows).toEqual([
      `| development | \`OPENAI_API_KEY\` | yes | environment | ${day(daysAgo(10))} | ${day(daysAgo(-80))} | ✅ ok |`,
      `| staging | \`OPENAI_API_KEY\` | yes | environment | ${day(daysAgo(80))} | ${day(daysAgo(-10))} | ⚠️ due soon |`,
      `| production | \`OPENAI_API_KEY\` | yes | environment | ${day(daysAgo(100))} | ${day(daysAgo(10))} | ❌ overdue |`,
      `| staging | \`ANTHROPIC_API_KEY\` | no (falls back to repository) | repository | ${day(daysAgo(30))} | — | ❌ missing |`,
      `| production | \`ANTHROPIC_API_KEY\` | yes | environment | ${day(daysAgo(5))} | ${day(daysAgo(-85))} | ✅ ok |`,
      '| qa | `ANTHROPIC_API_KEY` | no (no such environment) | — | — | — | ❌ missing |',
      `| (every environment) | \`ANTHROPIC_API_KEY\` | yes | repository | ${day(daysAgo(30))} | — | ❌ shared across environments |`,
      `| (every environment) | \`ANTHROPIC_API_KEY\` | yes | organisation | ${day(daysAgo(200))} | — | ❌ shared across environments |`,
    ]);
  });

  it('warns about a key due soon, and fails on an ungated production-like environment as on a shared key', async () => {
    writePolicy(`${POLICY}\nproduction-environments: '^(prod|live)'\n`);
    gh.seed.environment({ repo: 'acme/app', name: 'Live EU' });
    gh.seed.environment({
      repo: 'acme/app',
      name: 'live-us',
      branchPolicy: { protectedBranches: true, customBranchPolicies: false },
    });
    secret('development', 'OPENAI_API_KEY', 1);
    secret('staging', 'OPENAI_API_KEY', 1);
    secret('production', 'OPENAI_API_KEY', 85);
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['warning', 'OPENAI_API_KEY due for rotation in production'],
      ['error', 'Environment Live EU is unprotected'],
    ]);
    expect(result.outputs.findings).toBe('2');
    expect(result.summary).toContain('### Production-like environments without protection');

    const lenient = await run(appToken(), { 'fail-on': 'never' });
    expect(lenient.code).toBe(0);
    expect(lenient.outputs.findings).toBe('2');
  });

  it('never fails with fail-on: never, but still reports', async () => {
    writePolicy(POLICY);
    const result = await run(appToken(), { 'fail-on': 'never' });
    expect(result.code).toBe(0);
    expect(result.outputs.findings).toBe('3');
    expect(result.annotations.filter((a) => a.level === 'error')).toHaveLength(3);
  });

  it('reads environment names that need URL encoding, and secret lists past the first page', async () => {
    writePolicy('keys:\n  - secret: OPENAI_API_KEY\n    environments: [customer demo/eu]\n');
    gh.seed.environment({ repo: 'acme/app', name: 'customer demo/eu' });
    secret('customer demo/eu', 'OPENAI_API_KEY', 3);
    for (let i = 0; i < 130; i++)
      gh.seed.secret({ scope: 'repo', repo: 'acme/app', name: `NOISE_${String(i).padStart(3, '0')}` });
    gh.seed.secret({ scope: 'repo', repo: 'acme/app', name: 'OPENAI_API_KEY' });
    const result = await run(appToken());
    expect(checks(result).map((a) => a.properties.title)).toEqual(['OPENAI_API_KEY shared across environments']);
    expect(result.summary).toContain('| customer demo/eu | `OPENAI_API_KEY` | yes | environment |');
    const paths = gh.log.entries.map((e) => e.path);
    expect(paths).toContain('/repos/acme/app/environments/customer%20demo%2Feu/secrets?per_page=100');
    expect(paths).toContain('/repos/acme/app/actions/secrets?per_page=100&page=2');
  });

  it('checks keys listed without environments at repository or organisation level', async () => {
    writePolicy(`${POLICY}
  - secret: STRIPE_KEY
    rotate-every: 30d
  - secret: SENTRY_AUTH_TOKEN
  - secret: DEPLOY_TOKEN
  - secret: NPM_TOKEN
`);
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    gh.seed.secret({ scope: 'repo', repo: 'acme/app', name: 'STRIPE_KEY', updatedAt: daysAgo(45) });
    gh.seed.secret({ scope: 'org', org: 'acme', name: 'SENTRY_AUTH_TOKEN', updatedAt: daysAgo(80) });
    gh.seed.secret({ scope: 'repo', repo: 'acme/app', name: 'DEPLOY_TOKEN', updatedAt: daysAgo(3) });
    secret('staging', 'NPM_TOKEN', 1);
    const result = await run(appToken());

    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['error', 'STRIPE_KEY overdue for rotation'],
      ['warning', 'SENTRY_AUTH_TOKEN due for rotation'],
      ['error', 'NPM_TOKEN missing'],
    ]);
    expect(checks(result)[0]!.message).toContain(
      `STRIPE_KEY at repository level is overdue for rotation since ${day(daysAgo(15))}`,
    );
    expect(checks(result)[1]!.message).toContain('SENTRY_AUTH_TOKEN at organisation level is due for rotation');
    expect(checks(result)[2]!.message).toContain(
      'NPM_TOKEN is defined neither as a repository secret of acme/app nor as an organisation secret visible to it',
    );
    expect(result.outputs.findings).toBe('3');
    const rows = result.summary.split('\n').filter((l) => l.startsWith('| (any job)'));
    expect(rows).toEqual([
      `| (any job) | \`STRIPE_KEY\` | yes | repository | ${day(daysAgo(45))} | ${day(daysAgo(15))} | ❌ overdue |`,
      `| (any job) | \`SENTRY_AUTH_TOKEN\` | yes | organisation | ${day(daysAgo(80))} | ${day(daysAgo(-10))} | ⚠️ due soon |`,
      `| (any job) | \`DEPLOY_TOKEN\` | yes | repository | ${day(daysAgo(3))} | ${day(daysAgo(-87))} | ✅ ok |`,
      '| (any job) | `NPM_TOKEN` | no | — | — | — | ❌ missing |',
    ]);
  });

  it('with no policy file, judges every key-like secret of every environment by the default rotation, as the App does', async () => {
    gh.seed.environment({
      repo: 'acme/app',
      name: 'qa',
      branchPolicy: { protectedBranches: true, customBranchPolicies: false },
    });
    secret('production', 'OPENAI_API_KEY', 120);
    secret('qa', 'ANTHROPIC_API_KEY', 80);
    secret('staging', 'DEPLOY_TOKEN', 3);
    secret('staging', 'NODE_ENV_NAME', 400);
    gh.seed.secret({ scope: 'dependabot-repo', repo: 'acme/app', name: 'NPM_TOKEN', updatedAt: daysAgo(95) });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['error', 'OPENAI_API_KEY overdue for rotation in production'],
      ['warning', 'ANTHROPIC_API_KEY due for rotation in qa'],
      ['error', 'NPM_TOKEN overdue for rotation'],
    ]);
    expect(checks(result)[2]!.message).toContain('NPM_TOKEN at Dependabot level is overdue');
    expect(result.summary).toContain(`| staging | \`DEPLOY_TOKEN\` | yes | environment | ${day(daysAgo(3))} |`);
    expect(result.summary).not.toContain('NODE_ENV_NAME');
    expect(result.outputs.findings).toBe('3');
  });

  it('reads the secrets of an environment the policy does not name', async () => {
    writePolicy(POLICY);
    gh.seed.environment({ repo: 'acme/app', name: 'qa' });
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    secret('qa', 'OPENAI_API_KEY', 200);
    const result = await run(appToken());
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['error', 'OPENAI_API_KEY overdue for rotation in qa'],
    ]);
    expect(checks(result)[0]!.message).toContain(
      `OPENAI_API_KEY in qa is overdue for rotation since ${day(daysAgo(110))}`,
    );
    expect(gh.log.entries.map((e) => e.path)).toContain('/repos/acme/app/environments/qa/secrets?per_page=100');
  });

  it('reports an ungated production-like environment as an error when there is no policy file', async () => {
    gh.seed.environment({ repo: 'acme/app', name: 'prod-eu' });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['error', 'Environment prod-eu is unprotected'],
    ]);
    expect(result.summary).toContain('The policy lists no `keys:`: no key secret to check.');
  });

  it('fails with one line naming the field of a bad policy', async () => {
    writePolicy('keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: soon\n');
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(result.annotations).toEqual([
      {
        level: 'error',
        properties: {},
        message:
          '.github/key-hygiene.yml: field \'keys.0.rotate-every\' is "soon": expected a duration such as 90d, 2w or 12h',
      },
    ]);
  });

  it.each([
    [
      'an App token without the Secrets permission',
      () => appToken({ environments: 'read', actions: 'read', metadata: 'read' }),
    ],
    [
      'the workflow GITHUB_TOKEN',
      () => gh.seed.workflowToken('acme/app', { actions: 'read', contents: 'read', metadata: 'read' }),
    ],
  ])('fails with one line naming the missing permission for %s, and findings 0', async (_name, token) => {
    writePolicy(POLICY);
    const result = await run(token());
    expect(result.code).toBe(1);
    expect(result.annotations).toHaveLength(1);
    const [annotation] = result.annotations;
    expect(annotation!.level).toBe('error');
    expect(annotation!.message).not.toContain('\n');
    expect(annotation!.message).toBe(
      'cannot list repository secrets of acme/app: the token lacks Secrets: read (X-Accepted-GitHub-Permissions: secrets=read). ' +
        'Give your GitHub App that permission, add `permission-secrets: read` to its actions/create-github-app-token step ' +
        'and pass that token as the `token` input (the workflow GITHUB_TOKEN cannot read secret metadata).',
    );
    expect(result.outputs.findings).toBe('0');
  });

  // GitHub's permission map puts "list environments" under Actions, not Environments: the recipe
  // the README gave (Secrets + Environments) is refused on a private repository.
  const OLD_RECIPE = { secrets: 'read', environments: 'read', dependabot_secrets: 'read' } as const;

  it('refuses a token minted without Actions: read on a private repository, naming it and the recipe input', async () => {
    writePolicy(POLICY);
    const result = await run(appToken({ ...OLD_RECIPE }));
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'cannot list environments of acme/app: the token lacks Actions: read (X-Accepted-GitHub-Permissions: actions=read). ' +
        'Give your GitHub App that permission, add `permission-actions: read` to its actions/create-github-app-token step ' +
        'and pass that token as the `token` input (the workflow GITHUB_TOKEN cannot read secret metadata).',
    ]);
    expect(result.outputs.findings).toBe('0');
  });

  it('works with the fixed recipe on a private repository, and with the old one on a public repository', async () => {
    writePolicy(POLICY);
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    const fixed = await run(appToken({ ...OLD_RECIPE, actions: 'read' }));
    expect(fixed.annotations).toEqual([]);
    expect(fixed.code).toBe(0);

    gh.seed.repo({ fullName: 'acme/site', visibility: 'public' });
    gh.seed.environment({ repo: 'acme/site', name: 'production', reviewers: ['mona'] });
    const onPublic = await runActionAsync({
      workspace,
      eventName: 'schedule',
      payload: {},
      repository: 'acme/site',
      inputs: { mode: 'environments', token: appToken({ ...OLD_RECIPE }), 'fail-on': 'never' },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY_ID: String(gh.store.repo('acme', 'site')!.id) },
    });
    expect(onPublic.code).toBe(0);
    expect(onPublic.summary).toContain('| production | `OPENAI_API_KEY` | no | — | — | — | ❌ missing |');
  });
});

describe('mode: environments, API failures', () => {
  it('says the token was refused when it is not a valid token (the harness default is a GITHUB_TOKEN look-alike)', async () => {
    writePolicy(POLICY);
    const result = await runActionAsync({
      workspace,
      eventName: 'schedule',
      payload: {},
      inputs: { mode: 'environments' },
      env: { GITHUB_API_URL: gh.url },
    });
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'cannot list environments of acme/app: the `token` input was refused (401 Bad credentials).',
    ]);
  });

  it('gives the fix even when a 403 names no permission', async () => {
    writePolicy(POLICY);
    gh.faults.inject({ route: '/repos/{owner}/{repo}/actions/organization-secrets', kind: 'status', status: 403 });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^cannot list organisation secrets of acme\/app: access was denied \(403\)\. .*actions\/create-github-app-token/,
      ),
    ]);
  });

  const ENVIRONMENTS = '/repos/{owner}/{repo}/environments';
  const attempts = (route: string) => gh.log.entries.filter((e) => e.route === `GET ${route}`).map((e) => e.status);

  it('retries a 502 twice and then succeeds', async () => {
    writePolicy(POLICY);
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    gh.faults.inject({ route: ENVIRONMENTS, kind: 'status', status: 502, times: 2 });
    const result = await run(appToken());
    expect(result.annotations).toEqual([]);
    expect(result.code).toBe(0);
    expect(attempts(ENVIRONMENTS)).toEqual([502, 502, 200]);
  });

  it('gives up on a 5xx that does not pass after a few retries, in bounded time, with findings 0', async () => {
    writePolicy(POLICY);
    gh.faults.inject({ route: ENVIRONMENTS, kind: 'status', status: 503, times: Infinity });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      'cannot list environments of acme/app: the API answered 503 again after retries; GitHub may be having trouble (https://www.githubstatus.com): run the step again later.',
    ]);
    expect(attempts(ENVIRONMENTS)).toEqual([503, 503, 503, 503]);
    expect(result.outputs.findings).toBe('0');
  });

  it('waits out a secondary rate limit as Retry-After says, then succeeds', async () => {
    writePolicy(POLICY);
    for (const env of ['development', 'staging', 'production']) secret(env, 'OPENAI_API_KEY', 10);
    gh.faults.inject({
      route: '/repos/{owner}/{repo}/actions/secrets',
      kind: 'status',
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' },
      headers: { 'retry-after': '2' },
    });
    const started = Date.now();
    const result = await run(appToken());
    expect(result.annotations).toEqual([]);
    expect(result.code).toBe(0);
    expect(attempts('/repos/{owner}/{repo}/actions/secrets')).toEqual([403, 200]);
    expect(result.stdout).toMatch(
      /GET \S+\/repos\/acme\/app\/actions\/secrets\S*: secondary rate limit reached, retrying in 2 s\./,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it('does not wait, nor retry at all, when a limit asks for more than the wait budget', async () => {
    writePolicy(POLICY);
    gh.faults.inject({
      route: ENVIRONMENTS,
      kind: 'status',
      status: 429,
      times: Infinity,
      body: { message: 'You have exceeded a secondary rate limit.' },
      headers: { 'retry-after': '600' },
    });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(attempts(ENVIRONMENTS)).toEqual([429]);
    expect(result.stdout).toMatch(/secondary rate limit reached, not retrying \(GitHub asks for 600 s\)\./);
    expect(result.annotations.map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^cannot list environments of acme\/app: GitHub's secondary rate limit still refused it after the retries/,
      ),
    ]);
  });

  it('explains a spent primary rate limit with its reset time instead of blaming permissions', async () => {
    writePolicy(POLICY);
    const { token, installation } = appInstallationToken();
    gh.rateLimiter.setLimit(`installation:${installation}`, 2);
    const result = await run(token);
    expect(result.code).toBe(1);
    const reset = new Date(gh.rateLimiter.status(`installation:${installation}`).reset * 1000)
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    expect(result.annotations.map((a) => a.message)).toEqual([
      `cannot list organisation secrets of acme/app: the token's API rate limit is spent until ${reset}; ` +
        'run the step again after that, or give this job a token of its own (an App installation token has its own hourly limit).',
    ]);
    expect(result.outputs.findings).toBe('0');
  });

  it.each([
    [
      'an IP allow list',
      {
        message:
          'Although you appear to have the correct authorization credentials, the `acme` organization has an IP allow list enabled, and your IP address is not permitted to access this resource.',
      },
      {},
      /the organisation's IP allow list refuses this runner's address; run the job on a runner whose address is on the list/,
    ],
    [
      'SAML single sign-on',
      {
        message:
          'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.',
      },
      { 'x-github-sso': 'required; url=https://github.com/orgs/acme/sso?authorization_request=AAAA' },
      /enforces SAML single sign-on and the `token` input is not authorised for it/,
    ],
  ])('gives %s its own advice', async (_name, body, headers, advice) => {
    writePolicy(POLICY);
    gh.faults.inject({ route: ENVIRONMENTS, kind: 'status', status: 403, body, headers });
    const result = await run(appToken());
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([expect.stringMatching(advice)]);
    expect(result.annotations[0]!.message).not.toContain('authorization_request');
  });
});
