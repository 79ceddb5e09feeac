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
  - secret: STRIPE_KEY
    rotate-every: 30d
`);
const threeEnvs = [env('development'), env('staging'), env('production', { requiredReviewers: true })];
const statuses = (decisions: ReturnType<typeof evaluateKeys>) => decisions.map((d) => [d.environment ?? '*', d.status, d.level]);

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
    expect(decisions[1]).toMatchObject({ secret: 'OPENAI_API_KEY', owners: ['@acme/ml-platform'], dueAt: daysAgo(80 - 90), item: { scope: 'environment' } });
    expect(decisions[1]!.message).toBe(
      'OPENAI_API_KEY in staging is due for rotation on 2026-06-11 (last rotated 2026-03-13): make a new key, update the secret, then revoke the old key.',
    );
    expect(decisions[2]!.message).toContain('overdue for rotation since 2026-05-02 (last rotated 2026-02-01)');
  });

  it('moves with the clock it is given, not the real one', () => {
    const inv = inventory(threeEnvs, ['development', 'staging', 'production'].map((e) => envSecret(e, 'OPENAI_API_KEY', 0)));
    const later = new Date(NOW.getTime() + 80 * 86_400_000);
    expect(evaluateKeys(inv, config, later).map((d) => d.status)).toEqual(['due-soon', 'due-soon', 'due-soon']);
  });

  it('reports an environment that does not exist, and one that does not define the secret', () => {
    const inv = inventory([env('development'), env('staging')], [envSecret('development', 'OPENAI_API_KEY', 1)]);
    const [, staging, production] = evaluateKeys(inv, config, NOW);
    expect(staging).toMatchObject({ status: 'missing', level: 'error', environment: 'staging' });
    expect(staging!.noEnvironment).toBeUndefined();
    expect(staging!.message).toBe('OPENAI_API_KEY is not defined in environment staging: add an environment secret with a key made for staging.');
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
    const inv = inventory([env('Development'), env('STAGING'), env('production')], [
      envSecret('Development', 'openai_api_key', 1),
      envSecret('STAGING', 'OPENAI_API_KEY', 1),
      envSecret('production', 'OPENAI_API_KEY', 1),
    ]);
    expect(evaluateKeys(inv, config, NOW).map((d) => d.status)).toEqual(['ok', 'ok', 'ok']);
  });

  it('ignores keys without environments and secrets of other names', () => {
    const inv = inventory(threeEnvs, [repoSecret('STRIPE_KEY', 400), envSecret('staging', 'OTHER_KEY', 400)]);
    expect(evaluateKeys(inv, config, NOW).map((d) => d.secret)).toEqual(['OPENAI_API_KEY', 'OPENAI_API_KEY', 'OPENAI_API_KEY']);
  });

  it('uses the top-level rotate-every when the key has none', () => {
    const policy = parseConfig('rotate-every: 7d\nremind-before: 2d\nkeys:\n  - secret: K\n    environments: [dev]\n');
    const at = (days: number) => evaluateKeys(inventory([env('dev')], [envSecret('dev', 'K', days)]), policy, NOW)[0]!.status;
    expect([at(4), at(6), at(8)]).toEqual(['ok', 'due-soon', 'overdue']);
  });
});
