import { App } from 'octokit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createWorld, type World } from './fixture.js';

type Received = ReceivedDelivery;

let world: World;
let receiver: WebhookReceiver;
let received: Received[] = [];
let url = '';

beforeAll(async () => {
  world = await createWorld();
  receiver = await startWebhookReceiver(202);
  ({ url, received } = receiver);
});
afterAll(async () => {
  await world.gh.close();
  await receiver.close();
});

describe('webhook deliveries', () => {
  it('posts a signed push built from the example payload with overrides', async () => {
    const result = await world.gh.deliver({
      url,
      event: 'push',
      payload: {
        ref: 'refs/heads/main',
        installation: { id: world.installation.id },
        repository: { full_name: 'acme/api' },
      },
    });
    expect(result.status).toBe(202);
    const delivery = received.at(-1) as Received;
    expect(delivery.headers['x-github-event']).toBe('push');
    expect(delivery.headers['x-github-delivery']).toBe(result.deliveryId);
    const signature = String(delivery.headers['x-hub-signature-256']);
    // Verified with Octokit's own implementation, not ours.
    const verifier = (secret: string) =>
      new App({ appId: world.app.id, privateKey: world.app.privateKey, webhooks: { secret } }).webhooks;
    expect(await verifier(world.app.webhookSecret).verify(delivery.body, signature)).toBe(true);
    expect(await verifier('wrong-secret').verify(delivery.body, signature)).toBe(false);
    const payload = JSON.parse(delivery.body) as {
      ref: string;
      installation: { id: number };
      repository: { full_name: string; name: string };
      commits: unknown[];
    };
    expect(payload).toMatchObject({
      ref: 'refs/heads/main',
      installation: { id: world.installation.id },
      repository: { full_name: 'acme/api' },
    });
    // Fields the scenario left alone come from the real example.
    expect(typeof payload.repository.name).toBe('string');
    expect(Array.isArray(payload.commits)).toBe(true);
  });

  it('picks the example for an action, and sends events without an example from the overrides alone', async () => {
    await world.gh.deliver({
      url,
      event: 'issues',
      action: 'edited',
      payload: { changes: { body: { from: '- [ ] rotate' } } },
    });
    const edited = JSON.parse((received.at(-1) as Received).body) as {
      action: string;
      changes: { body: { from: string } };
      issue: unknown;
    };
    expect(edited.action).toBe('edited');
    expect(edited.changes.body.from).toBe('- [ ] rotate');
    expect(edited.issue).toBeDefined();
    await world.gh.deliver({
      url,
      event: 'secret_scanning_alert',
      action: 'created',
      payload: { alert: { number: 1, secret_type: 'openai_api_key' } },
    });
    expect(JSON.parse((received.at(-1) as Received).body)).toEqual({
      action: 'created',
      alert: { number: 1, secret_type: 'openai_api_key' },
    });
  });
});
