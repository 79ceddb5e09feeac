import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import {
  startOpenAiAdminEmulator,
  type OpenAiAdminEmulator,
  type SeededKey,
} from '../../support/openai-admin-emulator.js';
import { DAY } from '../support/app-world.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// The daily sweep re-checks leak incidents. One whose key OpenAI's admin API lists closes only once
// OpenAI no longer lists it as active — a rotated GitHub secret does not disable the leaked key —
// while an incident whose key OpenAI does not list keeps today's rule (closed once its secrets are
// rotated). An admin key OpenAI refuses is said in one line on the incident, never quoted. Real
// Probot with the admin key in its settings, signed push deliveries, real git, the OpenAI admin
// emulator, driven here through the official SDK.

let openai: OpenAiAdminEmulator;
let admin: SeededKey;
let listed: SeededKey;
let project: { id: string };
let world: PushWorld;
let gh: GitHubEmulator;
let settings: AppSettings;

beforeAll(async () => {
  openai = await startOpenAiAdminEmulator();
  admin = openai.addAdminKey({ name: 'key-hygiene app' });
  project = openai.addProject({ name: 'Web' });
  const mona = openai.addUser(project.id, { name: 'Mona', email: 'mona@example.com' });
  listed = openai.addKey(project.id, { name: 'ci-deploy', owner: mona.id, lastUsedAt: { hoursAgo: 1 } });
  settings = {
    ...defaultSettings,
    sweepEveryMs: 0,
    adminApis: [
      {
        provider: 'openai',
        variable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY',
        adminKey: () => admin.value,
        baseUrl: openai.url,
      },
    ],
  };
  world = await startPushWorld(
    'provider-close-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { permissions: { secrets: 'read', environments: 'read', actions: 'read' }, deps: { settings } },
  );
  gh = world.gh;
  const monthAgo = new Date(gh.clock.now().getTime() - 30 * DAY);
  gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'OPENAI_API_KEY', updatedAt: monthAgo });
}, 60_000);
afterAll(async () => {
  await world?.close();
  await openai?.close();
});

async function pushCommit(files: Record<string, string>): Promise<void> {
  const before = world.main.at(-1)!;
  const after = await world.commit(files, 'change');
  expect((await world.push({ before, after, created: false })).status).toBe(200);
  world.main.push(after);
}
const sweep = async () => expect((await sweepAll(world.probot, settings, () => gh.clock.now())).failed).toEqual([]);
const incidentAt = (path: string): IssueRecord => gh.store.issues.find((i) => i.title.includes(path))!;
const now = (issue: IssueRecord) => gh.store.issues.find((i) => i.id === issue.id)!;

describe('leak incidents re-checked at OpenAI by the sweep', () => {
  it('closes the incident of a listed key only once OpenAI no longer lists it; an unlisted key closes on rotation as before', async () => {
    await pushCommit({
      'src/config.py': `OPENAI = "${listed.value}"\n`,
      'src/other.py': `K = "${makeKey('openai-project-key', 99)}"\n`,
    });
    const atOpenAi = incidentAt('src/config.py');
    const unlisted = incidentAt('src/other.py');
    expect(atOpenAi.body).toContain('**Still active at OpenAI** — project Web');
    expect(parseIncidentMarker(atOpenAi.body)?.providerKey?.id).toBe(listed.id);
    expect(unlisted.body).toContain('**Not listed at OpenAI**');
    expect(parseIncidentMarker(unlisted.body)?.providerKey).toBeUndefined();

    gh.clock.advance(60_000);
    gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'OPENAI_API_KEY', updatedAt: gh.clock.now() });
    await sweep();
    expect(now(unlisted).state).toBe('closed');
    expect(now(atOpenAi).state).toBe('open');

    const sdk = new OpenAI({ adminAPIKey: admin.value, apiKey: 'unused', baseURL: openai.url });
    await sdk.admin.organization.projects.apiKeys.delete(listed.id, { project_id: project.id });
    await sweep();
    expect(now(atOpenAi).state).toBe('closed');
    const closing = gh.store.comments.filter((c) => c.issueNumber === atOpenAi.number).at(-1)!;
    expect(closing.body).toMatch(
      /^\*\*No longer active at OpenAI\*\* — project Web \(`proj_\w+`\), key `ci-deploy` is not listed any more\. The leaked key no longer works/,
    );
  });

  it('an admin key OpenAI refuses: the incident says so in one line naming the variable, never the key', async () => {
    openai.failNext('/organization/projects', { status: 401, times: 5 });
    await pushCommit({ 'src/third.py': `K = "${makeKey('openai-project-key', 98)}"\n` });
    const body = incidentAt('src/third.py').body;
    expect(body).toMatch(
      /^I could not ask OpenAI about this key: KEY\\_HYGIENE\\_OPENAI\\_ADMIN\\_KEY was refused: 401 /m,
    );
    expect(JSON.stringify([gh.store.issues, gh.store.comments])).not.toContain(admin.value);
  });
});
