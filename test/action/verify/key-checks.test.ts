import { describe, expect, it } from 'vitest';
import { checkKeyOnline } from '../../../action/verify/check-key-online.js';
import { checkKeyShape, detectorsOf } from '../../../action/verify/check-key-shape.js';
import { compareFingerprints, parseNeeds } from '../../../action/verify/compare-fingerprints.js';
import { fingerprintKey } from '../../../action/verify/fingerprint-key.js';
import { makeKey } from '../../support/make-keys.js';
import { startProviderStandIn } from '../../support/provider-stand-in.js';
import { startWebhookReceiver } from '../../support/webhook-receiver.js';

// The pure parts of verify and compare, without a bundle.

describe('checkKeyShape', () => {
  it('knows a provider by its Provider or, for vendors grouped as other, by detector id', () => {
    expect(detectorsOf('openai').map((d) => d.id)).toEqual([
      'openai-admin-key',
      'openai-project-key',
      'openai-service-account-key',
      'openai-user-key',
    ]);
    expect(detectorsOf('gitlab').length).toBeGreaterThan(0);
    expect(detectorsOf('generic')).toEqual([]);
  });

  it('needs the whole value to be the key', () => {
    const key = makeKey('openai-service-account-key', 3);
    expect(checkKeyShape(key, 'openai').detector?.id).toBe('openai-service-account-key');
    expect(checkKeyShape(`x${key}`, 'openai').detector).toBeUndefined();
    expect(checkKeyShape(`Bearer ${key}`, 'openai').detector).toBeUndefined();
    expect(checkKeyShape('sk-proj-your-key-here', 'openai')).toEqual({});
  });

  it("names another provider's shape when the value has one", () => {
    const shape = checkKeyShape(makeKey('anthropic-api-key', 4), 'openai');
    expect(shape.detector).toBeUndefined();
    expect(shape.lookalike?.id).toBe('anthropic-api-key');
  });
});

describe('checkKeyOnline', () => {
  const answering = (status: number) => (async () => new Response(null, { status })) as typeof fetch;

  it.each([
    [200, 'valid'],
    [401, 'invalid'],
    [429, 'rate-limited'],
    [403, 'unknown'],
    [500, 'unknown'],
  ] as const)('%i → %s', async (status, expected) => {
    expect((await checkKeyOnline('k', 'openai', 'http://127.0.0.1:1/', answering(status))).status).toBe(expected);
  });

  it('calls GET {base}/v1/models with the key as a bearer token, the public API by default', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const fetchImpl = (async (url: string, init?: RequestInit) => {
      calls.push([url, init]);
      return new Response(null, { status: 200 });
    }) as typeof fetch;
    await checkKeyOnline('k1', 'openai', '', fetchImpl);
    await checkKeyOnline('k2', 'OpenAI', 'http://127.0.0.1:8080//', fetchImpl);
    expect(calls.map(([url, init]) => [url, (init?.headers as Record<string, string>).authorization])).toEqual([
      ['https://api.openai.com/v1/models', 'Bearer k1'],
      ['http://127.0.0.1:8080/v1/models', 'Bearer k2'],
    ]);
  });

  it('follows no redirect: the key never reaches the host a provider (or a proxy) points at', async () => {
    const standIn = await startProviderStandIn('openai');
    const elsewhere = await startWebhookReceiver();
    standIn.answers.set('k', { redirect: elsewhere.url });
    try {
      expect(await checkKeyOnline('k', 'openai', standIn.url)).toEqual({
        status: 'unknown',
        detail: `302 from GET ${standIn.url}/v1/models (a redirect, not followed)`,
      });
      expect(elsewhere.received).toEqual([]);
    } finally {
      await standIn.close();
      await elsewhere.close();
    }
  });

  it('is unknown when the provider cannot be reached, or has no live check', async () => {
    const refused = await checkKeyOnline('k', 'openai', 'http://127.0.0.1:1');
    expect(refused.status).toBe('unknown');
    expect(refused.detail).toMatch(/^GET http:\/\/127\.0\.0\.1:1\/v1\/models failed: /);
    expect(await checkKeyOnline('k', 'aws', '')).toEqual({
      status: 'unknown',
      detail: 'no online check for provider aws',
    });
  });
});

describe('fingerprintKey', () => {
  it('is 16 hex characters of an HMAC keyed with the repository id', () => {
    expect(fingerprintKey('value', '1')).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintKey('value', '1')).toBe(fingerprintKey('value', '1'));
    expect(fingerprintKey('value', '1')).not.toBe(fingerprintKey('value', '2'));
  });
});

describe('compareFingerprints', () => {
  it('groups jobs by fingerprint and warns about jobs without one', () => {
    const jobs = parseNeeds(
      JSON.stringify({
        a: { result: 'success', outputs: { fingerprint: 'f1' } },
        b: { result: 'success', outputs: { fingerprint: 'f1' } },
        c: { result: 'success', outputs: { fingerprint: 'f1' } },
        d: { result: 'success', outputs: { fingerprint: 'f2' } },
        e: { result: 'skipped', outputs: {} },
        f: { result: 'success', outputs: { fingerprint: '' } },
      }),
    );
    expect(compareFingerprints(jobs).map((c) => [c.level, c.title])).toEqual([
      ['warning', 'No fingerprint from job e'],
      ['warning', 'No fingerprint from job f'],
      ['error', 'One key reused across environments'],
    ]);
    expect(compareFingerprints(jobs)[2]!.message).toContain('Jobs a, b, c hold the same key');
  });
});
