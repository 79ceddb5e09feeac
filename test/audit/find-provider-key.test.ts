import { describe, expect, it } from 'vitest';
import { findProviderKey } from '../../src/audit/find-provider-key.js';
import { AdminApiError, type ProviderAdmin, type ProviderKey } from '../../src/audit/provider-admin.js';
import { makeKey } from '../support/make-keys.js';

// The lookup with a client given as a parameter: what each way of failing becomes. The real clients
// against the emulators are in test/action/verify/provider-key-*.test.ts.

const adminKey = makeKey('openai-admin-key', 41);
const value = makeKey('openai-project-key', 42);
const options = { adminKey, baseUrl: '', fetch: globalThis.fetch };

function failingWith(error: unknown) {
  return async () => (): ProviderAdmin => ({
    provider: 'openai',
    listKeys: () => Promise.reject(error),
    usage: () => Promise.reject(error),
    revoke: () => Promise.reject(error),
  });
}

describe('findProviderKey', () => {
  it.each([
    [
      new AdminApiError('OPENAI_ADMIN_KEY was refused: 401 from GET /organization/projects', 401),
      'OPENAI_ADMIN_KEY was refused: 401 from GET /organization/projects',
    ],
    [new AdminApiError('the admin API answered 500', 500), 'OPENAI_ADMIN_KEY: the admin API answered 500'],
    [new AdminApiError('bad gateway', 502), 'OPENAI_ADMIN_KEY: bad gateway (status 502)'],
    [new TypeError('fetch failed\n    at stack'), "OPENAI_ADMIN_KEY: OpenAI's admin API failed: fetch failed"],
    [new Error(`echoed ${adminKey} back`), `OPENAI_ADMIN_KEY: OpenAI's admin API failed: echoed *** back`],
  ])('a failure is one line naming the variable and the status: %s', async (error, detail) => {
    expect(await findProviderKey(value, 'openai', options, failingWith(error))).toEqual({ kind: 'failed', detail });
  });

  it('counts the keys listed when none fits', async () => {
    const listed: ProviderKey[] = [
      {
        provider: 'openai',
        id: 'key_a',
        name: 'a',
        redacted: 'sk-proj...zzz',
        kind: 'project',
        project: null,
        owner: null,
        createdAt: '2026-01-01T00:00:00Z',
        lastUsedAt: null,
        expiresAt: null,
        status: 'active',
      },
    ];
    const load = async () => (): ProviderAdmin => ({
      provider: 'openai',
      listKeys: async () => (value.endsWith('zzz') ? [] : listed),
      usage: () => Promise.reject(new Error('unused')),
      revoke: () => Promise.reject(new Error('unused')),
    });
    expect(await findProviderKey(value, 'openai', options, load)).toEqual({ kind: 'none', listed: 1, unreadable: 0 });
  });
});
