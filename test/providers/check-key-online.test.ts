import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKeyOnline } from '../../src/providers/check-key-online.js';
import { liveCheckFor } from '../../src/providers/live-check-for.js';
import { ownerOfDetector } from '../../src/providers/owner-of-detector.js';
import type { ProviderRecord } from '../../src/providers/provider.js';
import { providers } from '../../src/providers/registry.js';
import { detectors } from '../../src/detectors/registry.js';
import { startProviderStandIn, type ProviderStandIn } from '../support/provider-stand-in.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// Every provider record's live check, asked of a real HTTP stand-in on 127.0.0.1 that takes the key
// only from the header its vendor documents. The values are plain words: the check never looks at a
// key's shape, and no key-like literal is needed.

const records: readonly ProviderRecord[] = providers;
const checked = records.filter((r) => r.liveCheck);

describe('the live checks of the provider records', () => {
  it('covers the providers with a documented identity endpoint', () => {
    expect(checked.map((r) => r.id).sort()).toEqual([
      'airtable',
      'anthropic',
      'asana',
      'brevo',
      'buildkite',
      'calendly',
      'cerebras',
      'circleci',
      'cohere',
      'contentful',
      'deepgram',
      'deepseek',
      'digitalocean',
      'doppler',
      'elevenlabs',
      'fastly',
      'figma',
      'github',
      'gitlab',
      'groq',
      'huggingface',
      'launchdarkly',
      'linode',
      'mistral',
      'netlify',
      'notion',
      'npm',
      'openai',
      'openrouter',
      'pinecone',
      'postman',
      'pulumi',
      'render',
      'replicate',
      'sendgrid',
      'slack',
      'stability',
      'stripe',
      'supabase',
      'terraform',
      'together',
      'vultr',
      'xai',
    ]);
  });

  it.each(checked.map((r) => [r.id, r] as const))('%s: names only its own detectors', (_, record) => {
    for (const id of record.liveCheck!.detectors ?? []) {
      expect(
        detectors.some((d) => d.id === id),
        id,
      ).toBe(true);
      expect(ownerOfDetector(id)).toBe(record);
    }
  });

  it('leaves out the kinds of key an identity endpoint cannot judge', () => {
    expect(liveCheckFor('anthropic-admin-key', 'sk-ant-admin01-x')).toBeUndefined();
    expect(liveCheckFor('stripe-webhook-secret', 'whsec_x')).toBeUndefined();
    expect(liveCheckFor('gitlab-token', 'gldt-x')).toBeUndefined();
    expect(liveCheckFor('github-token', 'ghr_x')).toBeUndefined();
    expect(liveCheckFor('slack-webhook-url', 'https://hooks.slack.com/x')).toBeUndefined();
    expect(liveCheckFor('aws-access-key-id', 'AKIAX')).toBeUndefined();
    expect(liveCheckFor('gitlab-token', 'glpat-x')?.provider.id).toBe('gitlab');
    expect(liveCheckFor('openai-project-key', 'sk-proj-x')?.provider.id).toBe('openai');
  });
});

describe.each(checked.map((r) => [r.id, r] as const))('checkKeyOnline against a stand-in for %s', (id, record) => {
  let standIn: ProviderStandIn;
  let elsewhere: WebhookReceiver;
  beforeAll(async () => {
    standIn = await startProviderStandIn(id);
    elsewhere = await startWebhookReceiver();
    standIn.answers.set('k-live', 'live');
    standIn.answers.set('k-busy', 'rate-limited');
    standIn.answers.set('k-moved', { redirect: elsewhere.url });
  });
  afterAll(async () => {
    await standIn.close();
    await elsewhere.close();
  });
  const ask = (key: string) => checkKeyOnline(key, record.liveCheck!, `${standIn.url}/`, fetch);

  it('tells live, refused, rate-limited and a redirect apart, sending the key where the vendor documents', async () => {
    const asked = `${record.liveCheck!.method ?? 'GET'} ${standIn.url}${record.liveCheck!.path}`;
    expect((await ask('k-live')).status).toBe('valid');
    const refused = await ask('k-refused');
    expect(refused.status).toBe('invalid');
    expect((await ask('k-busy')).status).toBe('rate-limited');
    const moved = await ask('k-moved');
    expect(moved).toEqual({ status: 'unknown', detail: `302 from ${asked} (a redirect, not followed)` });
    expect(elsewhere.received).toEqual([]);
    expect(standIn.requests.map((r) => r.key)).toEqual(['k-live', 'k-refused', 'k-busy', 'k-moved']);
    // The key is in its header only: never in the path or a body, never echoed in the detail.
    for (const r of standIn.requests) expect(`${r.path}${r.body}`).not.toContain('k-');
    expect(refused.detail).not.toContain('k-refused');
  });
});

describe('checkKeyOnline', () => {
  it('is unknown, without the answer, when a 200 answer cannot be read or says no for another reason', async () => {
    const slack = records.find((r) => r.id === 'slack')!.liveCheck!;
    const answering = (body: string) => (async () => new Response(body, { status: 200 })) as unknown as typeof fetch;
    const big = await checkKeyOnline(
      'k',
      slack,
      'http://127.0.0.1:1',
      answering(`{"ok":true,"x":"${'a'.repeat(20_000)}"}`),
    );
    expect(big.status).toBe('unknown');
    const other = await checkKeyOnline('k', slack, 'http://127.0.0.1:1', answering('{"ok":false,"error":"k k k"}'));
    expect(other.status).toBe('unknown');
    expect(other.detail).not.toContain('k k k');
    const garbled = await checkKeyOnline('k', slack, 'http://127.0.0.1:1', answering('not json'));
    expect(garbled.status).toBe('unknown');
  });

  it('is unknown within its timeout when the provider never answers', async () => {
    const standIn = await startProviderStandIn('openai');
    standIn.answers.set('k', 'hang');
    try {
      const result = await checkKeyOnline('k', records[0]!.liveCheck!, standIn.url, fetch, 300);
      expect(result).toEqual({
        status: 'unknown',
        detail: `GET ${standIn.url}/v1/models failed: no answer within 0.3 s`,
      });
    } finally {
      await standIn.close();
    }
  });

  it('never shows an error message, which could quote the key', async () => {
    const throwing = (async () => {
      throw new TypeError('invalid header value "Bearer k-secret"');
    }) as unknown as typeof fetch;
    const result = await checkKeyOnline('k-secret', records[0]!.liveCheck!, '', throwing);
    expect(result).toEqual({
      status: 'unknown',
      detail: 'GET https://api.openai.com/v1/models failed: the request could not be made',
    });
  });
});
