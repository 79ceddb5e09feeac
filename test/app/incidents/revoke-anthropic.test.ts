import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../app/settings.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import {
  startAnthropicAdminEmulator,
  type AnthropicAdminEmulator,
  type SeededKey,
} from '../../support/anthropic-admin-emulator.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// The same revocation with Anthropic, whose Admin API revokes by setting a key inactive (it stays
// listed): a pushed Anthropic key the organisation holds is matched by its `partial_key_hint`, and
// `/revoke` then `/revoke confirm` by a writer makes it inactive and closes the incident. Real Probot
// with the admin key in its settings, signed deliveries, real git, the Anthropic admin emulator.

const BOT = 'key-hygiene[bot]';
let anthropic: AnthropicAdminEmulator;
let leaked: SeededKey;
let world: PushWorld;
let gh: GitHubEmulator;

beforeAll(async () => {
  anthropic = await startAnthropicAdminEmulator();
  const admin = anthropic.addAdminKey({ name: 'key-hygiene app' });
  const ada = anthropic.addUser({ name: 'Ada', email: 'ada@example.com' });
  const research = anthropic.addWorkspace({ name: 'Research' });
  leaked = anthropic.addKey({ name: 'eval-runner', createdBy: ada.id, workspaceId: research.id });
  const adminApis = [
    {
      provider: 'anthropic' as const,
      variable: 'KEY_HYGIENE_ANTHROPIC_ADMIN_KEY',
      adminKey: () => admin.value,
      baseUrl: anthropic.url,
    },
  ];
  world = await startPushWorld(
    'revoke-anthropic-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { deps: { settings: { ...defaultSettings, sweepEveryMs: 0, adminApis } } },
  );
  gh = world.gh;
  gh.seed.collaborator('acme/api', 'wendy', 'write');
}, 60_000);
afterAll(async () => {
  await world?.close();
  await anthropic?.close();
});

async function comment(issue: IssueRecord, login: string, body: string): Promise<number> {
  const stored = gh.seed.comment({ repo: 'acme/api', issue: issue.number, body, user: login });
  const current = gh.store.issues.find((i) => i.id === issue.id)!;
  const payload = {
    installation: { id: world.installationId },
    repository: { name: 'api', full_name: 'acme/api', owner: { login: 'acme', type: 'Organization' } },
    issue: {
      number: current.number,
      body: current.body,
      state: current.state,
      created_at: current.createdAt.toISOString(),
      user: { login: BOT, type: 'Bot' },
      labels: current.labels.map((name) => ({ name })),
    },
    comment: { id: stored.id, body, user: { login, type: 'User' }, performed_via_github_app: null },
    sender: { login, type: 'User' },
  };
  expect((await gh.deliver({ url: world.url, event: 'issue_comment', action: 'created', payload })).status).toBe(200);
  return stored.id;
}
const replyTo = (issue: IssueRecord, id: number) =>
  gh.store.comments.find(
    (c) => c.issueNumber === issue.number && c.user === BOT && parseCommentMarker(c.body)?.replyTo === id,
  );

describe('a leaked Anthropic key revoked through its incident', () => {
  it('says it is still active, then /revoke confirm by a writer makes it inactive at Anthropic and closes the incident', async () => {
    const before = world.main.at(-1)!;
    const after = await world.commit({ 'eval/run.py': `KEY = "${leaked.value}"\n` }, 'eval');
    expect((await world.push({ before, after, created: false })).status).toBe(200);
    const incident = gh.store.issues.find((i) => i.labels.includes('leak'))!;
    expect(incident.body).toMatch(
      /\*\*Still active at Anthropic\*\* — workspace Research \(`wrkspc_\w+`\), key `eval-runner`/,
    );
    expect(parseIncidentMarker(incident.body)?.providerKey?.id).toBe(leaked.id);

    const ask = await comment(incident, 'wendy', '/revoke');
    expect(replyTo(incident, ask)?.body).toMatch(/^This revokes the Anthropic key workspace Research .*`sk-ant-api03-/);
    const confirm = await comment(incident, 'wendy', '/revoke confirm');
    expect(anthropic.keyStatus(leaked.id)).toBe('inactive');
    expect(replyTo(incident, confirm)?.body).toMatch(
      /^Revoked at Anthropic by wendy: .*Anthropic no longer lists it as active, so I am closing this incident\./,
    );
    expect(gh.store.issues.find((i) => i.id === incident.id)!.state).toBe('closed');
    expect(JSON.stringify([gh.store.issues, gh.store.comments])).not.toContain(leaked.value);
  });
});
