import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFingerprintKey } from '../../../app/github/app-fingerprint-key.js';
import { fingerprintSecret } from '../../../src/scan/fingerprint.js';
import { keyFingerprint } from '../../../src/scan/fingerprint-key.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { buildAppIfStale, startProbotRun, type AppProcess } from '../../support/app-process.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Incident bodies can be public, and their markers hold a leaked key's fingerprint: the real
// `probot run` process keys it with a key derived from the App's private key (PRIVATE_KEY), so
// nobody reading the issue can test a guess. An incident opened before (unkeyed marker, here by the
// in-process app, which has no PEM) is still that key's incident: the same key pushed again, or the
// push redelivered, opens no twin.

const OLD_KEY = makeKey('openai-project-key', 71);
const NEW_KEY = makeKey('openai-project-key', 72);

let world: PushWorld;
let gh: GitHubEmulator;
let app: AppRecord;
let server: AppProcess | undefined;
let url: string;

beforeAll(async () => {
  buildAppIfStale();
  world = await startPushWorld('push-keyed-', { 'src/settings.py': 'REGION = "eu"\n' });
  gh = world.gh;
  app = [...gh.store.apps.values()][0]!;
  const running = await startProbotRun({
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'warn',
  });
  ({ url } = running);
  server = running;
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await world?.close();
});

const incidents = () => gh.store.issues.filter((i) => i.labels.includes('leak'));
const markers = () => incidents().map((i) => parseIncidentMarker(i.body)?.fingerprint);
const unkeyed = (key: string) => fingerprintSecret('openai-project-key', key);

/** A signed push delivery of main's `before..after` to the `probot run` process. */
function pushToProcess(before: string, after: string, deliveryId?: string) {
  const payload = {
    ref: 'refs/heads/main',
    before,
    after,
    created: false,
    deleted: false,
    forced: false,
    installation: { id: world.installationId },
    repository: {
      name: 'api',
      full_name: 'acme/api',
      owner: { login: 'acme', name: 'acme' },
      default_branch: 'main',
      master_branch: 'main',
    },
  };
  return gh.deliver({ url, event: 'push', payload, ...(deliveryId && { deliveryId }) });
}

describe("incident markers keyed with the App's private key (real `probot run`)", () => {
  it('an incident from before (unkeyed marker) is still recognised; a new key gets a keyed marker', async () => {
    const first = await world.commit({ 'src/config.py': `OPENAI = "${OLD_KEY}"\n` }, 'old leak');
    expect((await world.push({ before: world.main.at(-1)!, after: first, created: false })).status).toBe(200);
    expect(markers()).toEqual([unkeyed(OLD_KEY)]);

    const second = await world.commit(
      { 'deploy/.env.production': `OPENAI_API_KEY=${OLD_KEY}\n`, 'src/ai.py': `KEY = "${NEW_KEY}"\n` },
      'the old key again, and a new one',
    );
    const delivered = await pushToProcess(first, second);
    expect(delivered.status, server!.output.join('')).toBe(200);

    const keyed = keyFingerprint(unkeyed(NEW_KEY), appFingerprintKey(app.privateKey));
    expect(markers()).toEqual([unkeyed(OLD_KEY), keyed]);
    expect(keyed).not.toBe(unkeyed(NEW_KEY));
    expect(JSON.stringify(gh.store.issues)).not.toContain(unkeyed(NEW_KEY));

    // Redelivered, and the new key pushed again elsewhere: both keys already have their incident.
    expect((await pushToProcess(first, second, delivered.deliveryId)).status).toBe(200);
    const third = await world.commit({ 'docs/example.env': `OPENAI_API_KEY=${NEW_KEY}\n` }, 'the new key again');
    expect((await pushToProcess(second, third)).status).toBe(200);
    expect(incidents()).toHaveLength(2);
    for (const key of [OLD_KEY, NEW_KEY])
      expect(JSON.stringify([gh.store.issues, gh.store.comments, gh.store.checkRuns])).not.toContain(key);
  });
});

/**
 * `npm test` builds lib/ but not lib-app/: build it when it is missing or older than a source file,
 * so the process runs the code under test (as test/app/process/probot-server.test.ts does).
 */
