import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import {
  startOpenAiAdminEmulator,
  type OpenAiAdminEmulator,
  type SeededKey,
} from '../../support/openai-admin-emulator.js';
import { startAlertWorld, type AlertWorld } from './secret-scanning-world.js';

// A GitHub secret scanning alert for an OpenAI key, with OpenAI's admin key on the App's server: the
// alert's value is read once (without hide_secret, never cached), matched to OpenAI's inventory and
// dropped; the incident says whether the key is still active at OpenAI and records the key's id.
// Real Probot, signed deliveries, the GitHub and OpenAI admin emulators.

let openai: OpenAiAdminEmulator;
let admin: SeededKey;
let leaked: SeededKey;
let world: AlertWorld;
let gh: GitHubEmulator;

beforeAll(async () => {
  openai = await startOpenAiAdminEmulator();
  admin = openai.addAdminKey({ name: 'key-hygiene app' });
  const web = openai.addProject({ name: 'Web' });
  const mona = openai.addUser(web.id, { name: 'Mona', email: 'mona@example.com' });
  leaked = openai.addKey(web.id, { name: 'notebook', owner: mona.id, lastUsedAt: null });
  world = await startAlertWorld({
    adminApis: [
      {
        provider: 'openai',
        variable: 'KEY_HYGIENE_OPENAI_ADMIN_KEY',
        adminKey: () => admin.value,
        baseUrl: openai.url,
      },
    ],
  });
  ({ gh } = world);
});
afterAll(async () => {
  await world?.close();
  await openai?.close();
});

const alertReads = () =>
  gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}');

describe('a secret scanning alert whose key OpenAI lists', () => {
  it('opens an incident that says the key is still active at OpenAI, reading the value once and keeping it nowhere', async () => {
    const alert = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'openai_api_key',
      secretTypeDisplayName: 'OpenAI API Key',
      secret: leaked.value,
      validity: 'active',
      locations: [{ path: 'notebooks/try.ipynb', startLine: 12, commitSha: 'ab'.repeat(20) }],
    });
    expect((await world.deliver('created', alert)).status).toBe(200);
    const incident = gh.store.issues.find((i) => i.labels.includes('leak'))!;
    expect(incident, world.messages().join('\n')).toBeDefined();
    expect(incident.body).toContain('**Still active at OpenAI** — project Web (`proj_');
    expect(incident.body).toContain(', key `notebook`, never used. Comment `/revoke`');
    expect(parseIncidentMarker(incident.body)?.providerKey?.id).toBe(leaked.id);
    expect(alertReads().map((e) => e.path)).toEqual([
      `/repos/acme/api/secret-scanning/alerts/${alert.number}?hide_secret=true`,
      `/repos/acme/api/secret-scanning/alerts/${alert.number}?hide_secret=false`,
    ]);
    const everything = JSON.stringify([gh.store.issues, gh.store.comments, world.logs]);
    for (const secret of [leaked.value, admin.value]) expect(everything).not.toContain(secret);
  });
});
