import { App } from 'octokit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { examplePayload } from '../support/github-emulator/index.js';
import { startWebhookReceiver, type ReceivedDelivery, type WebhookReceiver } from '../support/webhook-receiver.js';
import { createWorld, FULL_PERMISSIONS, type World } from './fixture.js';

// GitHub sends webhooks for every write, the App's own included (sender `<slug>[bot]`, type Bot):
// the emulator delivers them for writes made through its API, after the answer, in order per
// repository, signed, to the App's URL, only for events the App subscribes to.

/** The fields these tests read; the rest stays unknown. */
interface Payload {
  [key: string]: unknown;
  action?: string;
  sender: { login: string; type: string };
  installation: { id: number };
  repository: { full_name: string };
  issue: { body: string };
  changes: { body: { from: string } };
  label: { name: string };
  assignee: { login: string };
}

let world: World;
let receiver: WebhookReceiver;
let url = '';
/** What arrived, parsed. */
const received = (): { headers: ReceivedDelivery['headers']; payload: Payload }[] =>
  receiver.received.map((r) => ({ headers: r.headers, payload: JSON.parse(r.body) as Payload }));
let unsubscribe = (): void => undefined;

beforeAll(async () => {
  world = await createWorld({}, { ...FULL_PERMISSIONS, contents: 'write', pull_requests: 'write' });
  world.gh.seed.file('acme/api', 'README.md', '# api\n');
  world.gh.seed.collaborator('acme/api', 'wendy', 'write');
  world.gh.seed.collaborator('acme/api', 'rita', 'read');
  receiver = await startWebhookReceiver();
  url = receiver.url;
});
afterEach(() => {
  unsubscribe();
  receiver.received.length = 0;
});
afterAll(async () => {
  await world.gh.close();
  await receiver.close();
});

const send = (path: string, body: unknown, method = 'POST') => world.call(path, { method, body: JSON.stringify(body) });
const events = () => received().map((r) => `${String(r.headers['x-github-event'])}.${r.payload.action ?? ''}`);
const BOT = { login: 'key-hygiene[bot]', type: 'Bot' };

describe('webhooks for writes made through the API', () => {
  it('sends none when no URL is subscribed', async () => {
    await send('/repos/acme/api/issues', { title: 'quiet' });
    await world.gh.webhooks.settled();
    expect(received()).toEqual([]);
  });

  it("delivers the App's own issue writes back to it: signed, sender its bot, in order, after the answer", async () => {
    unsubscribe = world.gh.webhooks.subscribe({ url });
    const opened = (await (
      await send('/repos/acme/api/issues', {
        title: 'Rotate KEY',
        body: '- [ ] <!-- key-hygiene:recheck -->',
        labels: ['key-hygiene'],
        assignees: ['wendy'],
      })
    ).json()) as { number: number };
    await send(`/repos/acme/api/issues/${opened.number}`, { body: 'rewritten' }, 'PATCH');
    await send(`/repos/acme/api/issues/${opened.number}/comments`, { body: 'a reply' });
    await send(`/repos/acme/api/issues/${opened.number}/labels`, { labels: ['overdue'] });
    await send(`/repos/acme/api/issues/${opened.number}/labels/overdue`, undefined, 'DELETE');
    await send(`/repos/acme/api/issues/${opened.number}`, { state: 'closed' }, 'PATCH');
    await send(`/repos/acme/api/issues/${opened.number}`, { state: 'open' }, 'PATCH');
    await world.gh.webhooks.settled();
    expect(events()).toEqual([
      'issues.opened',
      'issues.labeled',
      'issues.assigned',
      'issues.edited',
      'issue_comment.created',
      'issues.labeled',
      'issues.unlabeled',
      'issues.closed',
      'issues.reopened',
    ]);
    for (const { headers, payload } of received()) {
      expect(payload.sender).toMatchObject(BOT);
      expect(payload.installation.id).toBe(world.installation.id);
      expect(payload.repository.full_name).toBe('acme/api');
      expect(headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
      // GitHub's top-level fields for the event, as its examples have them (organization: the owner is one).
      const event = String(headers['x-github-event']);
      const example = Object.keys(
        payload.action === 'closed' ? examplePayload(event, 'reopened') : examplePayload(event, payload.action),
      );
      expect(Object.keys(payload).filter((key) => !['installation', 'organization'].includes(key))).toEqual(
        example.filter((key) => !['installation', 'organization', 'enterprise'].includes(key)),
      );
    }
    const verifier = new App({
      appId: world.app.id,
      privateKey: world.app.privateKey,
      webhooks: { secret: world.app.webhookSecret },
    }).webhooks;
    const edited = received()[3]!;
    expect(await verifier.verify(JSON.stringify(edited.payload), String(edited.headers['x-hub-signature-256']))).toBe(
      true,
    );
    expect(edited.payload.changes).toEqual({ body: { from: '- [ ] <!-- key-hygiene:recheck -->' } });
    expect(edited.payload.issue.body).toBe('rewritten');
    expect(received()[1]!.payload.label.name).toBe('key-hygiene');
    expect(received()[2]!.payload.assignee.login).toBe('wendy');
    expect(received()[4]!.payload.comment).toMatchObject({ body: 'a reply', user: BOT });
    expect(world.gh.webhooks.deliveries.filter((d) => d.sender === BOT.login).length).toBeGreaterThanOrEqual(9);
  });

  it("a person's edit carries the body they left, even when the bot rewrites it right after", async () => {
    unsubscribe = world.gh.webhooks.subscribe({ url });
    const issue = world.gh.seed.issue({
      repo: 'acme/api',
      title: 'Key Hygiene dashboard',
      body: '- [ ] <!-- key-hygiene:recheck -->',
      user: 'key-hygiene[bot]',
    });
    expect(() =>
      world.gh.act.editIssue({ repo: 'acme/api', issue: issue.number, body: '- [x] ticked', user: 'rita' }),
    ).toThrow(/needs write access/);
    world.gh.act.editIssue({
      repo: 'acme/api',
      issue: issue.number,
      body: '- [x] <!-- key-hygiene:recheck -->',
      user: 'wendy',
    });
    await send(`/repos/acme/api/issues/${issue.number}`, { body: '- [ ] <!-- key-hygiene:recheck --> swept' }, 'PATCH');
    await world.gh.webhooks.settled();
    expect(
      received().map((r) => [
        r.payload.sender.login,
        r.payload.sender.type,
        r.payload.issue.body,
        r.payload.changes.body.from,
      ]),
    ).toEqual([
      ['wendy', 'User', '- [x] <!-- key-hygiene:recheck -->', '- [ ] <!-- key-hygiene:recheck -->'],
      ['key-hygiene[bot]', 'Bot', '- [ ] <!-- key-hygiene:recheck --> swept', '- [x] <!-- key-hygiene:recheck -->'],
    ]);
  });

  it('check runs, pull requests and contents writes: check_run.created/completed, pull_request.opened, push', async () => {
    unsubscribe = world.gh.webhooks.subscribe({ url });
    const head = (await (await world.call('/repos/acme/api/git/ref/heads/main')).json()) as { object: { sha: string } };
    const run = (await (
      await send('/repos/acme/api/check-runs', {
        name: 'Key hygiene',
        head_sha: head.object.sha,
        status: 'in_progress',
      })
    ).json()) as { id: number };
    await send(`/repos/acme/api/check-runs/${run.id}`, { conclusion: 'success' }, 'PATCH');
    await send('/repos/acme/api/git/refs', { ref: 'refs/heads/onboard', sha: head.object.sha });
    await send(
      '/repos/acme/api/contents/.github/key-hygiene.yml',
      { message: 'Add policy', content: Buffer.from('keys: []\n').toString('base64'), branch: 'onboard' },
      'PUT',
    );
    await send('/repos/acme/api/pulls', { title: 'Configure', head: 'onboard', base: 'main' });
    await world.gh.webhooks.settled();
    expect(events()).toEqual(['check_run.created', 'check_run.completed', 'push.', 'push.', 'pull_request.opened']);
    expect(received()[1]!.payload.check_run).toMatchObject({ id: run.id, status: 'completed', conclusion: 'success' });
    expect(received()[2]!.payload).toMatchObject({
      ref: 'refs/heads/onboard',
      created: true,
      after: head.object.sha,
      commits: [],
    });
    expect(received()[3]!.payload).toMatchObject({
      ref: 'refs/heads/onboard',
      before: head.object.sha,
      commits: [{ message: 'Add policy', added: ['.github/key-hygiene.yml'] }],
      pusher: { name: BOT.login },
    });
    expect(received().every((r) => r.payload.sender.login === BOT.login)).toBe(true);
  });

  it('only events the App subscribes to, and only from repositories its installation reaches', async () => {
    world.app.events = ['issues'];
    unsubscribe = world.gh.webhooks.subscribe({ url });
    world.gh.seed.repo({ fullName: 'elsewhere/lib' });
    const issue = (await (await send('/repos/acme/api/issues', { title: 'subscribed' })).json()) as { number: number };
    await send(`/repos/acme/api/issues/${issue.number}/comments`, { body: 'not subscribed' });
    await world.gh.webhooks.settled();
    expect(events()).toEqual(['issues.opened']);
    world.app.events = [];
  });

  it('holds matching deliveries aside until released, without holding up the others', async () => {
    unsubscribe = world.gh.webhooks.subscribe({ url });
    const held = world.gh.webhooks.hold((d) => d.event === 'issue_comment');
    const issue = (await (await send('/repos/acme/api/issues', { title: 'hold' })).json()) as { number: number };
    await send(`/repos/acme/api/issues/${issue.number}/comments`, { body: 'held' });
    await send(`/repos/acme/api/issues/${issue.number}`, { title: 'hold, edited' }, 'PATCH');
    await world.gh.webhooks.settled();
    expect(events()).toEqual(['issues.opened', 'issues.edited']);
    expect(held.deliveries).toHaveLength(1);
    held.release();
    await world.gh.webhooks.settled();
    expect(events()).toEqual(['issues.opened', 'issues.edited', 'issue_comment.created']);
  });
});
