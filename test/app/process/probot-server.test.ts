import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import {
  signWebhookBody,
  type AppRecord,
  type GitHubEmulator,
  type InstallationRecord,
  type IssueRecord,
} from '../../support/github-emulator/index.js';
import { createSweptAppWorld } from '../support/app-world.js';
import { buildAppIfStale, startProbotRun, type AppProcess } from '../../support/app-process.js';

// The real server process: `probot run ./lib-app/app/index.js`, configured only
// through the environment as in production (GHE_HOST + GHE_PROTOCOL point it at the emulator,
// Probot's GitHub Enterprise Server settings), with its own app JWT and installation tokens, receiving signed
// deliveries over HTTP — and refusing unsigned or badly signed ones.

const BOT = 'key-hygiene[bot]';

let gh: GitHubEmulator;
let app: AppRecord;
let installation: InstallationRecord;
let server: AppProcess | undefined;
let url: string;

beforeAll(async () => {
  buildAppIfStale();
  // The issues to talk to, opened by one in-process sweep.
  ({ gh, app, installation } = await createSweptAppWorld());
  const running = await startProbotRun({
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'info',
  });
  ({ url } = running);
  server = running;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await gh?.close();
});

/** The rotation issue of STRIPE_API_KEY in acme/api (overdue in app-world.ts). */
const stripe = (): IssueRecord => {
  const api = gh.store.repo('acme', 'api')!;
  return gh.store.issues.find(
    (i) => i.repoId === api.id && parseKeyMarker(i.body)?.key.endsWith('|stripe_api_key|rotate'),
  )!;
};
const commentsOn = (issue: IssueRecord) =>
  gh.store.comments.filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number);

/** A human's comment on the STRIPE_API_KEY issue, seeded in the emulator, and its webhook payload. */
function humanComment(login: string, body: string) {
  const issue = stripe();
  const seeded = gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  return {
    installation: { id: installation.id },
    repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
    issue: {
      number: issue.number,
      body: issue.body,
      user: { login: BOT, type: 'Bot' },
      labels: issue.labels.map((name) => ({ name })),
    },
    comment: { id: seeded.id, body, user: { login, type: 'User' }, performed_via_github_app: null },
    sender: { login, type: 'User' },
  };
}

describe('the real `probot run` process against the emulator', () => {
  it('answers /status on its issue: the reply appears in the emulator, once, even when redelivered', async () => {
    const before = commentsOn(stripe()).length;
    const payload = humanComment('rita', '/status');
    const first = await gh.deliver({ url, event: 'issue_comment', action: 'created', payload });
    expect(first.status, server!.output.join('')).toBe(200);
    const reply = commentsOn(stripe()).at(-1)!;
    expect(reply.user).toBe(BOT);
    expect(reply.body).toMatch(/STRIPE_API_KEY[\s\S]*overdue/);
    expect(parseCommentMarker(reply.body)).toMatchObject({ kind: 'reply', replyTo: payload.comment.id });
    expect(commentsOn(stripe())).toHaveLength(before + 2); // rita's command and the bot's reply

    await gh.deliver({ url, event: 'issue_comment', action: 'created', payload, deliveryId: first.deliveryId });
    expect(commentsOn(stripe())).toHaveLength(before + 2);
  });

  it('rejects a delivery signed with the wrong secret, and one with no signature; nothing happens', async () => {
    const before = { comments: gh.store.comments.length, requests: gh.log.counters().requests };
    const forged = await gh.deliver({
      url,
      secret: 'not-the-webhook-secret',
      event: 'issue_comment',
      action: 'created',
      payload: humanComment('mallory', '/status'),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(forged.status).toBeLessThan(500);

    const body = JSON.stringify(humanComment('mallory', '/help'));
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issue_comment',
        'x-github-delivery': 'unsigned-1',
      },
      body,
    });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
    expect(unsigned.status).toBeLessThan(500);

    // Only the two comments seeded above; the app made no API call at all.
    expect(gh.store.comments.length).toBe(before.comments + 2);
    expect(gh.log.counters().requests).toBe(before.requests);
    // The signature is checked over the exact bytes: the right secret on other bytes fails too.
    const tampered = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issue_comment',
        'x-github-delivery': 'tampered-1',
        'x-hub-signature-256': signWebhookBody(app.webhookSecret, body),
      },
      body: body.replace('/help', '/snooze 30d'),
    });
    expect(tampered.status).toBeGreaterThanOrEqual(400);
    expect(gh.log.counters().requests).toBe(before.requests);
  });
});
