import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

describe('key-hygiene scan: payments, messaging and business-SaaS keys', () => {
  it('names each vendor, keeps Stripe keys Stripe’s and prints every key redacted', () => {
    repo = createTestRepo();
    const keys = {
      twilio: makeKey('twilio-auth-token', 2),
      hubspot: makeKey('hubspot-access-token', 2),
      clerk: makeKey('clerk-secret-key', 2),
      stripe: makeKey('stripe-live-key', 2),
      discord: makeKey('discord-webhook-url', 2),
      flutterwave: makeKey('flutterwave-secret-key', 2),
    };
    repo.write('.gitignore', '.env\n');
    repo.write(
      'config/settings.py',
      [
        `TWILIO_AUTH_TOKEN = "${keys.twilio}"`,
        `HUBSPOT_TOKEN = "${keys.hubspot}"`,
        `CLERK_SECRET_KEY = "${keys.clerk}"`,
        `STRIPE_SECRET_KEY = "${keys.stripe}"`,
        `ALERTS_WEBHOOK = "${keys.discord}"`,
        `FLW_SECRET_KEY = "${keys.flutterwave}"`,
        '',
      ].join('\n'),
    );
    repo.commit('settings');

    const run = runCli(['scan', '.', '--format', 'json'], { cwd: repo.root, env: repo.env });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: { detector: string; line: number }[] };
    expect(report.findings.map((f) => `${f.line} ${f.detector}`)).toEqual([
      '1 twilio-auth-token',
      '2 hubspot-access-token',
      '3 clerk-secret-key',
      '4 stripe-live-key',
      '5 discord-webhook-url',
      '6 flutterwave-secret-key',
    ]);
    for (const key of Object.values(keys)) expect(run.stdout + run.stderr).not.toContain(key.slice(-30, -6));
  });
});
