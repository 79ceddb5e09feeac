import { describe, expect, it } from 'vitest';
import { evaluateKeys } from '../../src/inventory/evaluate-keys.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { daysAgo, env, envSecret, inventory, NOW, orgSecret, repoSecret } from './fixtures.js';

const config = parseConfig(`
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [development, staging, production]
    rotate-every: 90d
    remind-before: 14d
    owners: ['@acme/ml-platform']
`);
const threeEnvs = [env('development'), env('staging'), env('production', { requiredReviewers: true })];
const statuses = (decisions: ReturnType<typeof evaluateKeys>) =>
  decisions.map((d) => [d.environment ?? '*', d.status, d.level]);

describe('evaluateKeys', () => {
  it('judges each listed environment by the age of its own secret', () => {
    const inv = inventory(threeEnvs, [
      envSecret('development', 'OPENAI_API_KEY', 10),
      envSecret('staging', 'OPENAI_API_KEY', 80),
      envSecret('production', 'OPENAI_API_KEY', 120),
    ]);
    const decisions = evaluateKeys(inv, config, NOW);
    expect(statuses(decisions)).toEqual([
      ['development', 'ok', 'ok'],
      ['staging', 'due-soon', 'warning'],
      ['production', 'overdue', 'error'],
    ]);
    expect(decisions[1]).toMatchObject({
      secret: 'OPENAI_API_KEY',
      owners: ['@acme/ml-platform'],
      dueAt: daysAgo(80 - 90),
      item: { scope: 'environment' },
    });
    expect(decisions[1]!.message).toBe(
      'OPENAI_API_KEY in staging is due for rotation on 2026-06-11 (last rotated 2026-03-13): make a new key, update the secret, then revoke the old key.',
    );
    expect(decisions[2]!.message).toContain('overdue for rotation since 2026-05-02 (last rotated 2026-02-01)');
  });

  it('moves with the clock it is given, not the real one', () => {
    const inv = inventory(
      threeEnvs,
      ['development', 'staging', 'production'].map((e) => envSecret(e, 'OPENAI_API_KEY', 0)),
    );
    const later = new Date(NOW.getTime() + 80 * 86_400_000);
    expect(evaluateKeys(inv, config, later).map((d) => d.status)).toEqual(['due-soon', 'due-soon', 'due-soon']);
  });

  it('reports an environment that does not exist, and one that does not define the secret', () => {
    const inv = inventory([env('development'), env('staging')], [envSecret('development', 'OPENAI_API_KEY', 1)]);
    const [, staging, production] = evaluateKeys(inv, config, NOW);
    expect(staging).toMatchObject({ status: 'missing', level: 'error', environment: 'staging' });
    expect(staging!.noEnvironment).toBeUndefined();
    expect(staging!.message).toBe(
      'OPENAI_API_KEY is not defined in environment staging: add an environment secret with a key made for staging.',
    );
    expect(production).toMatchObject({ status: 'missing', level: 'error', noEnvironment: true });
    expect(production!.message).toContain('Environment production does not exist in acme/app');
  });

  it('flags a repository or organisation copy as shared, and names it as the fallback of environments without their own', () => {
    const inv = inventory(threeEnvs, [
      envSecret('development', 'OPENAI_API_KEY', 1),
      envSecret('production', 'OPENAI_API_KEY', 1),
      repoSecret('OPENAI_API_KEY', 5),
      orgSecret('OPENAI_API_KEY', 7),
    ]);
    const decisions = evaluateKeys(inv, config, NOW);
    expect(statuses(decisions)).toEqual([
      ['development', 'ok', 'ok'],
      ['staging', 'missing', 'error'],
      ['production', 'ok', 'ok'],
      ['*', 'shared-across-environments', 'error'],
      ['*', 'shared-across-environments', 'error'],
    ]);
    expect(decisions[1]).toMatchObject({ fallback: { scope: 'repo' } });
    expect(decisions[1]!.message).toContain('its jobs get the repository value, shared with every other environment');
    expect(decisions[3]).toMatchObject({ item: { scope: 'repo' } });
    expect(decisions[4]).toMatchObject({ item: { scope: 'org' } });
    expect(decisions[4]!.message).toContain('also defined at organisation level');
  });

  it('falls back to an organisation secret when there is no repository one', () => {
    const inv = inventory(threeEnvs, [orgSecret('OPENAI_API_KEY', 3)]);
    expect(evaluateKeys(inv, config, NOW)[0]).toMatchObject({ status: 'missing', fallback: { scope: 'org' } });
  });

  it('matches environment and secret names case-insensitively, as GitHub does', () => {
    const inv = inventory(
      [env('Development'), env('STAGING'), env('production')],
      [
        envSecret('Development', 'openai_api_key', 1),
        envSecret('STAGING', 'OPENAI_API_KEY', 1),
        envSecret('production', 'OPENAI_API_KEY', 1),
      ],
    );
    expect(evaluateKeys(inv, config, NOW).map((d) => d.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('ignores secrets of other names', () => {
    const inv = inventory(threeEnvs, [repoSecret('STRIPE_KEY', 400), envSecret('staging', 'OTHER_KEY', 400)]);
    expect(evaluateKeys(inv, config, NOW).map((d) => [d.secret, d.status])).toEqual([
      ['OPENAI_API_KEY', 'missing'],
      ['OPENAI_API_KEY', 'missing'],
      ['OPENAI_API_KEY', 'missing'],
    ]);
  });

  it('uses the top-level rotate-every when the key has none', () => {
    const policy = parseConfig('rotate-every: 7d\nremind-before: 2d\nkeys:\n  - secret: K\n    environments: [dev]\n');
    const at = (days: number) =>
      evaluateKeys(inventory([env('dev')], [envSecret('dev', 'K', days)]), policy, NOW)[0]!.status;
    expect([at(4), at(6), at(8)]).toEqual(['ok', 'due-soon', 'overdue']);
  });
});

describe('evaluateKeys, keys without environments (repository level)', () => {
  const policy = parseConfig(
    "keys:\n  - secret: STRIPE_KEY\n    rotate-every: 30d\n    remind-before: 5d\n    owners: ['@acme/payments']\n",
  );
  const judge = (...secrets: Parameters<typeof inventory>[1]) =>
    evaluateKeys(inventory(threeEnvs, secrets), policy, NOW);

  it('judges the repository secret by its age: fresh, due soon, overdue', () => {
    const [fresh] = judge(repoSecret('STRIPE_KEY', 10));
    expect(fresh).toMatchObject({
      kind: 'key',
      secret: 'STRIPE_KEY',
      status: 'ok',
      level: 'ok',
      item: { scope: 'repo' },
      dueAt: daysAgo(10 - 30),
      owners: ['@acme/payments'],
    });
    expect(fresh!.environment).toBeUndefined();
    expect(fresh!.message).toBe('STRIPE_KEY at repository level is fresh (last rotated 2026-05-22, due 2026-06-21).');
    expect(judge(repoSecret('STRIPE_KEY', 27))[0]).toMatchObject({ status: 'due-soon', level: 'warning' });
    const [overdue] = judge(repoSecret('STRIPE_KEY', 45));
    expect(overdue).toMatchObject({ status: 'overdue', level: 'error' });
    expect(overdue!.message).toBe(
      'STRIPE_KEY at repository level is overdue for rotation since 2026-05-17 (last rotated 2026-04-17): make a new key, update the secret, then revoke the old key.',
    );
  });

  it('takes an organisation secret visible to the repository, and the repository one first when both exist', () => {
    const [org] = judge(orgSecret('stripe_key', 40));
    expect(org).toMatchObject({ status: 'overdue', item: { scope: 'org' } });
    expect(org!.message).toContain('STRIPE_KEY at organisation level is overdue');
    expect(judge(orgSecret('STRIPE_KEY', 40), repoSecret('STRIPE_KEY', 1))[0]).toMatchObject({
      status: 'ok',
      item: { scope: 'repo' },
    });
  });

  it('reports a key defined at neither level as missing, even when an environment holds it', () => {
    const decisions = judge(envSecret('staging', 'STRIPE_KEY', 1));
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ status: 'missing', level: 'error' });
    expect(decisions[0]!.item).toBeUndefined();
    expect(decisions[0]!.message).toBe(
      "STRIPE_KEY is defined neither as a repository secret of acme/app nor as an organisation secret visible to it: add it, or remove it from the policy's keys.",
    );
  });

  it('uses the top-level rotation defaults when the key has none', () => {
    const defaults = parseConfig('rotate-every: 7d\nremind-before: 2d\nkeys:\n  - secret: K\n');
    const at = (days: number) => evaluateKeys(inventory([], [repoSecret('K', days)]), defaults, NOW)[0]!.status;
    expect([at(4), at(6), at(8)]).toEqual(['ok', 'due-soon', 'overdue']);
  });
});
