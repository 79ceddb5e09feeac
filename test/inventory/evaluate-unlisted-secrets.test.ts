import { describe, expect, it } from 'vitest';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import { evaluateOrgSecrets, evaluateUnlistedSecrets } from '../../src/inventory/evaluate-unlisted-secrets.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { daysAgo, dependabotSecret, env, envSecret, inventory, NOW, orgSecret, repoSecret } from './fixtures.js';

const where = (d: { secret: string; item?: { scope: string }; environment?: string; status: string }) => [
  d.secret,
  d.item?.scope,
  d.environment ?? '*',
  d.status,
];

describe('evaluateUnlistedSecrets, with no config', () => {
  it('judges every key-like secret by the default rotation (90d, reminded 14d before), wherever it lives', () => {
    const inv = inventory(
      [env('staging'), env('production')],
      [
        repoSecret('OPENAI_API_KEY', 100),
        repoSecret('DEPLOY_TOKEN', 5),
        envSecret('staging', 'STRIPE_SECRET', 80),
        envSecret('production', 'STRIPE_SECRET', 91),
        dependabotSecret('NPM_TOKEN', 95),
      ],
    );
    expect(evaluateUnlistedSecrets(inv, defaultConfig, NOW).map(where)).toEqual([
      ['OPENAI_API_KEY', 'repo', '*', 'overdue'],
      ['DEPLOY_TOKEN', 'repo', '*', 'ok'],
      ['STRIPE_SECRET', 'environment', 'staging', 'due-soon'],
      ['STRIPE_SECRET', 'environment', 'production', 'overdue'],
      ['NPM_TOKEN', 'dependabot', '*', 'overdue'],
    ]);
  });

  it('says where the secret is and when it was due, with no owners', () => {
    const [openai, npm] = evaluateUnlistedSecrets(
      inventory([], [repoSecret('OPENAI_API_KEY', 100), dependabotSecret('NPM_TOKEN', 80)]),
      defaultConfig,
      NOW,
    );
    expect(openai).toMatchObject({
      kind: 'key',
      level: 'error',
      owners: [],
      dueAt: daysAgo(10),
      item: { scope: 'repo' },
    });
    expect(openai!.message).toBe(
      'OPENAI_API_KEY at repository level is overdue for rotation since 2026-05-22 (last rotated 2026-02-21): make a new key, update the secret, then revoke the old key.',
    );
    expect(npm).toMatchObject({ status: 'due-soon', level: 'warning' });
    expect(npm!.message).toContain('NPM_TOKEN at Dependabot level is due for rotation on 2026-06-11');
  });

  it('tracks the names track-names matches, and only those', () => {
    const names = [
      'OPENAI_API_KEY',
      'SIGNING_KEY',
      'GH_TOKEN',
      'WEBHOOK_SECRET',
      'API_KEY',
      'ACCESS_KEY_ID',
      'SECRETKEY',
      'NODE_ENV',
      'DATABASE_URL',
      'KEYRING_PATH',
    ];
    const decisions = evaluateUnlistedSecrets(
      inventory(
        [],
        names.map((n) => repoSecret(n, 1)),
      ),
      defaultConfig,
      NOW,
    );
    expect(decisions.map((d) => d.secret)).toEqual(names.slice(0, 7));
    const narrow = parseConfig("track-names: ['^DEPLOY_']");
    expect(
      evaluateUnlistedSecrets(
        inventory([], [repoSecret('DEPLOY_HOOK', 1), repoSecret('OPENAI_API_KEY', 1)]),
        narrow,
        NOW,
      ).map((d) => d.secret),
    ).toEqual(['DEPLOY_HOOK']);
  });

  it('follows the top-level rotate-every and remind-before', () => {
    const policy = parseConfig('rotate-every: 30d\nremind-before: 5d\n');
    const at = (days: number) =>
      evaluateUnlistedSecrets(inventory([], [repoSecret('K_TOKEN', days)]), policy, NOW)[0]!.status;
    expect([at(24), at(26), at(31)]).toEqual(['ok', 'due-soon', 'overdue']);
  });

  it('leaves organisation secrets to the organisation pass', () => {
    expect(evaluateUnlistedSecrets(inventory([], [orgSecret('SLACK_BOT_TOKEN', 400)]), defaultConfig, NOW)).toEqual([]);
  });
});

describe('evaluateUnlistedSecrets, next to keys: entries', () => {
  const policy = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    environments: [production]
    rotate-every: 30d
    remind-before: 5d
    owners: ['@acme/ml']
  - secret: STRIPE_KEY
    rotate-every: 30d
`);

  it('leaves what an entry judges to the entry: its environments, the repository and organisation copies', () => {
    const inv = inventory(
      [env('production')],
      [
        envSecret('production', 'OPENAI_API_KEY', 1),
        repoSecret('OPENAI_API_KEY', 1),
        repoSecret('STRIPE_KEY', 1),
        orgSecret('STRIPE_KEY', 1),
      ],
    );
    expect(evaluateUnlistedSecrets(inv, policy, NOW)).toEqual([]);
  });

  it("judges the copies an entry does not cover (Dependabot, another environment) by the entry's stricter rules and owners", () => {
    const inv = inventory(
      [env('staging'), env('production')],
      [envSecret('staging', 'openai_api_key', 40), dependabotSecret('STRIPE_KEY', 40)],
    );
    const decisions = evaluateUnlistedSecrets(inv, policy, NOW);
    expect(decisions.map(where)).toEqual([
      ['OPENAI_API_KEY', 'environment', 'staging', 'overdue'],
      ['STRIPE_KEY', 'dependabot', '*', 'overdue'],
    ]);
    expect(decisions[0]!.owners).toEqual(['@acme/ml']);
  });

  it('comes after the entries in evaluateInventory, one decision per secret per place', () => {
    const inv = inventory(
      [env('production', { requiredReviewers: true })],
      [envSecret('production', 'OPENAI_API_KEY', 1), repoSecret('STRIPE_KEY', 1), repoSecret('DEPLOY_TOKEN', 100)],
    );
    expect(evaluateInventory(inv, policy, NOW).map((d) => (d.kind === 'key' ? where(d) : d.kind))).toEqual([
      ['OPENAI_API_KEY', 'environment', 'production', 'ok'],
      ['STRIPE_KEY', 'repo', '*', 'ok'],
      ['DEPLOY_TOKEN', 'repo', '*', 'overdue'],
    ]);
  });

  it('still flags a per-environment key defined at organisation level as shared', () => {
    const inv = inventory(
      [env('production')],
      [envSecret('production', 'OPENAI_API_KEY', 1), orgSecret('OPENAI_API_KEY', 1)],
    );
    expect(evaluateInventory(inv, policy, NOW).map((d) => (d.kind === 'key' ? where(d) : d.kind))).toEqual([
      ['OPENAI_API_KEY', 'environment', 'production', 'ok'],
      ['OPENAI_API_KEY', 'org', '*', 'shared-across-environments'],
      ['STRIPE_KEY', undefined, '*', 'missing'],
      'environment',
    ]);
  });
});

describe('evaluateOrgSecrets', () => {
  it('judges each organisation secret once: listed names by their entry, key-like names by the defaults', () => {
    const policy = parseConfig("keys:\n  - secret: SENTRY_DSN\n    rotate-every: 30d\n    owners: ['@acme/sre']\n");
    const decisions = evaluateOrgSecrets(
      [orgSecret('SENTRY_DSN', 40), orgSecret('SLACK_BOT_TOKEN', 97), orgSecret('NPM_REGISTRY_URL', 400)],
      policy,
      NOW,
    );
    expect(decisions.map(where)).toEqual([
      ['SENTRY_DSN', 'org', '*', 'overdue'],
      ['SLACK_BOT_TOKEN', 'org', '*', 'overdue'],
    ]);
    expect(decisions[0]!.owners).toEqual(['@acme/sre']);
    expect(decisions[1]!.message).toContain('SLACK_BOT_TOKEN at organisation level is overdue for rotation');
  });
});
