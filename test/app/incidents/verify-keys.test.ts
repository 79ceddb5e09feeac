import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, readSettings } from '../../../app/settings.js';
import { makeKey } from '../../support/make-keys.js';
import { startProviderStandIn, type ProviderStandIn } from '../../support/provider-stand-in.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// KEY_HYGIENE_VERIFY_KEYS: a push's leaked keys are each asked of their own provider (here a
// stand-in for OpenAI's GET /v1/models on 127.0.0.1), and each incident says whether its key still
// works. Real Probot, signed deliveries, real git, the GitHub emulator.

const live = makeKey('openai-project-key', 71);
const revoked = makeKey('openai-project-key', 72);
let openai: ProviderStandIn;
let world: PushWorld;

beforeAll(async () => {
  openai = await startProviderStandIn('openai');
  openai.answers.set(live, 'live');
  world = await startPushWorld(
    'verify-keys-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { deps: { settings: { ...defaultSettings, sweepEveryMs: 0, verifyKeys: { urls: { openai: openai.url } } } } },
  );
}, 60_000);
afterAll(async () => {
  await world?.close();
  await openai?.close();
});

describe('a push incident says whether its key still works (KEY_HYGIENE_VERIFY_KEYS)', () => {
  it('asks each key of its own provider once and writes live or revoked in its incident', async () => {
    const before = world.main.at(-1)!;
    const after = await world.commit({ 'a.py': `A = "${live}"\n`, 'b.py': `B = "${revoked}"\n` }, 'keys');
    expect((await world.push({ before, after, created: false })).status).toBe(200);
    const incidents = world.gh.store.issues.filter((i) => i.labels.includes('leak'));
    expect(incidents).toHaveLength(2);
    const bodyAt = (path: string) => incidents.find((i) => i.body?.includes(`\`${path}\``))?.body ?? '';
    expect(bodyAt('a.py')).toContain('**Still live: its provider accepts it (200 from GET');
    expect(bodyAt('b.py')).toContain('**Revoked: its provider refuses it (401 from GET');
    expect(openai.requests.map((r) => r.key).sort()).toEqual([live, revoked].sort());
    expect(JSON.stringify([world.gh.store.issues, world.gh.store.comments])).not.toContain(live.slice(10, 40));
  });
});

describe('the setting', () => {
  it('is off by default; on, its stand-in URLs are read and a bad line is one line', () => {
    expect(readSettings({}).verifyKeys).toBeUndefined();
    expect(
      readSettings({ KEY_HYGIENE_VERIFY_KEYS: 'true', KEY_HYGIENE_VERIFY_URLS: 'openai=http://127.0.0.1:9\n' })
        .verifyKeys,
    ).toEqual({ urls: { openai: 'http://127.0.0.1:9' } });
    expect(() => readSettings({ KEY_HYGIENE_VERIFY_KEYS: '1', KEY_HYGIENE_VERIFY_URLS: 'openai=ftp://x' })).toThrow(
      /^KEY_HYGIENE_VERIFY_URLS: line "openai=ftp:\/\/x" names 'ftp:\/\/x', which is not an http or https URL$/,
    );
  });
});
