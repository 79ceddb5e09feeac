import { describe, expect, it } from 'vitest';
import { readSettings } from '../../app/settings.js';

// The App's server reads the providers' admin keys from its own variables (single-organisation
// deployments): set, leak incidents look keys up at the provider and `/revoke` works; a bad base URL
// is one line naming its variable, never quoting the admin key.

const KEY = ['sk', 'admin', 'x'.repeat(40)].join('-');

describe('readSettings: admin APIs', () => {
  it('none without an admin key', () => {
    expect(readSettings({}).adminApis).toBeUndefined();
    expect(readSettings({ KEY_HYGIENE_OPENAI_ADMIN_KEY: '  ' }).adminApis).toBeUndefined();
  });

  it("each provider's key with its public base URL, or the SDK's base-URL variable (tests)", () => {
    const settings = readSettings({
      KEY_HYGIENE_OPENAI_ADMIN_KEY: KEY,
      KEY_HYGIENE_ANTHROPIC_ADMIN_KEY: `${KEY}-2`,
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:4010/',
    });
    expect(settings.adminApis?.map(({ provider, variable, baseUrl }) => ({ provider, variable, baseUrl }))).toEqual([
      { provider: 'openai', variable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY', baseUrl: 'https://api.openai.com/v1' },
      { provider: 'anthropic', variable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY', baseUrl: 'http://127.0.0.1:4010' },
    ]);
    expect(settings.adminApis?.map((a) => a.adminKey())).toEqual([KEY, `${KEY}-2`]);
    // The keys sit behind a function: a copy or a log of the settings never holds them.
    expect(JSON.stringify(settings)).not.toContain(KEY);
  });

  it('a base URL that is not http(s) is one line naming its variable, without the admin key', () => {
    for (const url of ['ftp://example.com', 'api.openai.com', 'https://']) {
      let message = '';
      try {
        readSettings({ KEY_HYGIENE_OPENAI_ADMIN_KEY: KEY, OPENAI_BASE_URL: url });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(
        /^OPENAI_BASE_URL is ".*": expected the OpenAI API's base URL, such as https:\/\/api\.openai\.com\/v1$/,
      );
      expect(message).not.toContain(KEY);
    }
  });
});
