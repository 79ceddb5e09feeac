import { describe, expect, it } from 'vitest';
import { readSettings } from '../../app/settings.js';

// A stand-in admin key built at test time: the repository never holds a live-looking key.
const ADMIN_KEY = ['sk', 'admin', 'T3st'.repeat(12)].join('-');

describe('the provider audit settings', () => {
  it('are absent without an admin key, and ignore an empty one', () => {
    expect(readSettings({}).providerAudit).toBeUndefined();
    expect(readSettings({ KEY_HYGIENE_OPENAI_ADMIN_KEY: '  ' }).providerAudit).toBeUndefined();
  });

  it('name the variable and the base URL of each admin key, and hold the key where no copy of the settings shows it', () => {
    const settings = readSettings({
      KEY_HYGIENE_OPENAI_ADMIN_KEY: ADMIN_KEY,
      KEY_HYGIENE_ANTHROPIC_ADMIN_KEY: `${ADMIN_KEY}-a`,
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
      KEY_HYGIENE_PROVIDER_AUDIT_ORG: 'acme',
    });
    const audit = settings.providerAudit!;
    expect(audit.org).toBe('acme');
    expect(audit.admins.map(({ provider, variable, baseUrl }) => ({ provider, variable, baseUrl }))).toEqual([
      { provider: 'openai', variable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY', baseUrl: 'http://127.0.0.1:9/v1' },
      { provider: 'anthropic', variable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY', baseUrl: 'https://api.anthropic.com' },
    ]);
    expect(audit.admins[0]!.adminKey()).toBe(ADMIN_KEY);
    expect(JSON.stringify(settings)).not.toContain(ADMIN_KEY);
  });

  it('refuse a base URL that is not http(s), and an organisation that is not a login, quoting the value on one line', () => {
    expect(() =>
      readSettings({ KEY_HYGIENE_OPENAI_ADMIN_KEY: ADMIN_KEY, OPENAI_BASE_URL: 'file:///etc/passwd' }),
    ).toThrow(
      'OPENAI_BASE_URL is "file:///etc/passwd": expected the OpenAI API\'s base URL, such as https://api.openai.com/v1',
    );
    expect(() =>
      readSettings({ KEY_HYGIENE_OPENAI_ADMIN_KEY: ADMIN_KEY, KEY_HYGIENE_PROVIDER_AUDIT_ORG: 'acme\nevil' }),
    ).toThrow('KEY_HYGIENE_PROVIDER_AUDIT_ORG is "acme\\nevil": expected an organisation login such as acme');
  });
});
