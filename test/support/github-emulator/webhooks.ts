import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

interface ExampleDefinition {
  name: string;
  examples: Array<Record<string, unknown>>;
}

const require = createRequire(import.meta.url);
// Real payloads contributed to octokit/webhooks; a scenario overrides only the fields it needs.
const definitions = require('@octokit/webhooks-examples') as ExampleDefinition[];

export interface WebhookDelivery {
  /** Where the App listens, e.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  url: string;
  secret: string;
  /** `X-GitHub-Event`, e.g. `push`, `issue_comment`. */
  event: string;
  /** Picks the first example with this `action`. */
  action?: string;
  /** Deep-merged over the example (arrays replace). Events without an example start from `{}`. */
  payload?: Record<string, unknown>;
  deliveryId?: string;
}

export interface WebhookResult {
  status: number;
  deliveryId: string;
  body: string;
}

/** An example payload for an event (and action), deep-copied so scenarios can change it. */
export function examplePayload(event: string, action?: string): Record<string, unknown> {
  const definition = definitions.find((d) => d.name === event);
  const example = definition?.examples.find((e) => action === undefined || e.action === action);
  if (definition && !example) throw new Error(`webhook examples: no "${event}" example with action "${action}"`);
  const base = example ? structuredClone(example) : {};
  if (action !== undefined) base.action = action;
  return base;
}

/**
 * `X-Hub-Signature-256`: `sha256=` + HMAC-SHA-256 of the exact body bytes with the webhook secret.
 * https://docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries
 */
export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    const bothObjects = isPlainObject(current) && isPlainObject(value);
    out[key] = bothObjects ? deepMerge(current, value) : value;
  }
  return out;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** POSTs one signed delivery with the headers GitHub sends. */
export async function sendWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
  const payload = deepMerge(examplePayload(delivery.event, delivery.action), delivery.payload ?? {});
  return postSignedDelivery({
    url: delivery.url,
    secret: delivery.secret,
    event: delivery.event,
    deliveryId: delivery.deliveryId ?? randomUUID(),
    body: JSON.stringify(payload),
  });
}

/** POSTs exact body bytes, signed, with GitHub's delivery headers. */
export async function postSignedDelivery(d: {
  url: string;
  secret: string;
  event: string;
  deliveryId: string;
  body: string;
}): Promise<WebhookResult> {
  const response = await fetch(d.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/emulator',
      'x-github-event': d.event,
      'x-github-delivery': d.deliveryId,
      'x-hub-signature-256': signWebhookBody(d.secret, d.body),
      'x-github-hook-installation-target-type': 'integration',
    },
    body: d.body,
  });
  return { status: response.status, deliveryId: d.deliveryId, body: await response.text() };
}
