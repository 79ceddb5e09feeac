import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';
import { startAlertWorld } from './secret-scanning-world.js';

// A leak incident reaches the repository's owners: CODEOWNERS' owners are named in it and assigned,
// a team through its members (a team mention from an App may notify nobody: README, "Who gets notified").

const KEY = makeKey('openai-project-key', 33);

let world: PushWorld;
let gh: GitHubEmulator;

beforeAll(async () => {
  world = await startPushWorld(
    'incident-owners-',
    { '.github/CODEOWNERS': '* @acme/security @mona\n' },
    { permissions: { members: 'read' } },
  );
  ({ gh } = world);
  gh.seed.collaborator('acme/api', 'mona', 'write');
  gh.seed.team({ org: 'acme', slug: 'security', members: ['sam', 'sue'], repos: { api: 'read' } });
});
afterAll(() => world.close());

describe('leak incident owners', () => {
  it("names CODEOWNERS' owners in the incident and assigns them, the team through its members", async () => {
    const after = await world.commit({ 'src/config.py': `OPENAI = "${KEY}"\n` }, 'add config');
    expect((await world.push({ before: world.main.at(-1)!, after, created: false })).status).toBe(200);
    const [incident, ...others] = gh.store.issues.filter((i) => i.labels.includes('leak'));
    expect(others).toEqual([]);
    expect(incident!.body).toMatch(/\nOwners: @acme\/security @mona\n\n## Checklist/);
    expect(incident!.assignees).toEqual(['mona', 'sam', 'sue']);
    expect(JSON.stringify(gh.store.issues)).not.toContain(KEY);
  });
});

describe('secret scanning alert incident owners', () => {
  it('names and assigns the owners; a team the App cannot list (no Members read) stays a mention', async () => {
    const alerts = await startAlertWorld();
    try {
      alerts.gh.seed.file('acme/api', '.github/CODEOWNERS', '* @acme/security @mona\n');
      alerts.gh.seed.collaborator('acme/api', 'mona', 'write');
      alerts.gh.seed.team({ org: 'acme', slug: 'security', members: ['sam'], repos: { api: 'read' } });
      const alert = alerts.gh.seed.secretScanningAlert({
        repo: 'acme/api',
        secretType: 'openai_api_key',
        secretTypeDisplayName: 'OpenAI API Key',
        secret: makeKey('openai-project-key', 34),
        validity: 'active',
        locations: [],
      });
      expect((await alerts.deliver('created', alert)).status).toBe(200);
      const [incident] = alerts.gh.store.issues.filter((i) => i.labels.includes('leak'));
      expect(incident!.body).toContain('Owners: @acme/security @mona');
      expect(incident!.assignees).toEqual(['mona']);
    } finally {
      await alerts.close();
    }
  });
});
