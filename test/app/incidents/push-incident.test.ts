import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Leak incidents: a push adding a key → after its check run, one incident issue per
// leaked key, matched by the finding's fingerprint in a hidden marker. Real Probot, signed
// deliveries; the key is generated here and must appear nowhere the emulator stored.

const KEY = makeKey('openai-project-key', 21);

let world: PushWorld;
let gh: GitHubEmulator;
let main: string[];

beforeAll(async () => {
  world = await startPushWorld('push-incident-', { 'src/settings.py': 'REGION = "eu"\n' });
  ({ gh, main } = world);
});
afterAll(() => world.close());

const commit = (files: Record<string, string>, message: string) => world.commit(files, message);
/** A push to main of the commits after `before`. */
const push = (before: string, after: string, deliveryId?: string) =>
  world.push({ before, after, created: false }, deliveryId);

const incidents = () => gh.store.issues.filter((i) => i.labels.includes('leak'));
const stored = () => JSON.stringify([gh.store.issues, gh.store.comments, gh.store.checkRuns]);

describe('push → leak incident', () => {
  it('opens one incident for a pushed key: checklist, redacted key, commit and path, never the key', async () => {
    const after = await commit({ 'src/config.py': `import os\n\nOPENAI = "${KEY}"\n` }, 'add config');
    expect((await push(main.at(-1)!, after, 'delivery-1')).status).toBe(200);

    const [incident, ...others] = incidents();
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      title: 'Leaked OpenAI project key in src/config.py — revoke it now',
      state: 'open',
      user: 'key-hygiene[bot]',
    });
    expect(incident!.labels.sort()).toEqual(['key-hygiene', 'leak']);
    const body = incident!.body ?? '';
    expect(body).toContain(`\`src/config.py\` line 3, in commit ${after.slice(0, 12)}`);
    expect(body).toMatch(/`sk-proj-\S*…\S*`/);
    expect(body).toContain('Medium confidence: it has its vendor’s key format.');
    expect(body).toMatch(/- \[ \] Revoke the key at the provider/);
    expect(body).toMatch(/- \[ \] Rotate every .*secret that held it/);
    expect(body).toMatch(/- \[ \] Check the provider's usage logs/);
    expect(body).toMatch(/- \[ \] Confirm here/);
    expect(parseIncidentMarker(body)?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(stored()).not.toContain(KEY);
    expect(stored()).not.toContain(KEY.slice(8, -4));
    main.push(after);
  });

  it('opens no second incident when the delivery comes again or the same key is pushed into another file', async () => {
    expect((await push(main.at(-2)!, main.at(-1)!, 'delivery-1')).status).toBe(200);
    expect(incidents()).toHaveLength(1);

    const after = await commit({ 'deploy/.env.production': `OPENAI_API_KEY=${KEY}\n` }, 'deploy env');
    expect((await push(main.at(-1)!, after)).status).toBe(200);
    expect(gh.store.checkRuns.filter((r) => r.headSha === after)).toEqual([
      expect.objectContaining({ conclusion: 'failure' }),
    ]);
    expect(incidents()).toHaveLength(1);
    expect(stored()).not.toContain(KEY);
    main.push(after);
  });

  it('opens none for a push that adds no key', async () => {
    const before = gh.store.issues.length;
    const after = await commit({ 'docs/setup.md': 'Set OPENAI_API_KEY in the environment, never in code.\n' }, 'docs');
    expect((await push(main.at(-1)!, after)).status).toBe(200);
    expect(gh.store.checkRuns.filter((r) => r.headSha === after)).toEqual([
      expect.objectContaining({ conclusion: 'success' }),
    ]);
    expect(gh.store.issues).toHaveLength(before);
  });
});
