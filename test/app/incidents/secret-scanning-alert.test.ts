import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertFingerprint } from '../../../src/tracking/incidents/alert-fingerprint.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import {
  isoSeconds,
  type GitHubEmulator,
  type SecretScanningAlertRecord,
} from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startAlertWorld, type AlertWorld } from './secret-scanning-world.js';

// Leak incidents: a `secret_scanning_alert` delivery → one incident per alert, read
// through the API with hide_secret=true. Real Probot, signed deliveries, the emulator's clock. The
// secrets are generated here; the payloads carry them, and they must appear nowhere the app wrote.

const OPENAI = makeKey('openai-project-key', 61);
const AWS = makeKey('aws-access-key-id', 62);
const COMMIT = 'a1b2c3d4e5f6'.repeat(3).slice(0, 40);
const MINUTE = 60_000;

let world: AlertWorld;
let gh: GitHubEmulator;
let openai: SecretScanningAlertRecord;

beforeAll(async () => {
  world = await startAlertWorld();
  ({ gh } = world);
  openai = gh.seed.secretScanningAlert({
    repo: 'acme/api',
    secretType: 'openai_api_key',
    secretTypeDisplayName: 'OpenAI API Key',
    secret: OPENAI,
    validity: 'active',
    locations: [
      { path: 'src/config.py', startLine: 3, commitSha: COMMIT },
      { path: 'deploy/.env', startLine: 1, commitSha: COMMIT },
    ],
  });
  gh.clock.advance(5 * MINUTE);
});
afterAll(() => world.close());

const incidents = () => gh.store.issues.filter((i) => i.labels.includes('leak'));
const written = () => JSON.stringify([gh.store.issues, gh.store.comments]);
const lastMessage = () =>
  world
    .messages()
    .filter((m) => m.includes('secret scanning alert'))
    .at(-1);
const alertReads = () =>
  gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}');

describe('secret_scanning_alert → leak incident', () => {
  it('opens one incident for a key type we know: title, place, alert link, checklist, marker — never the secret', async () => {
    expect((await world.deliver('created', openai, { deliveryId: 'alert-1' })).status).toBe(200);

    const [incident, ...others] = incidents();
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      title: 'Leaked OpenAI API key in src/config.py — revoke it now',
      state: 'open',
      user: 'key-hygiene[bot]',
    });
    expect(incident!.labels.sort()).toEqual(['key-hygiene', 'leak']);
    const body = incident!.body ?? '';
    expect(body).toContain(
      `found an OpenAI API key (hidden by GitHub) at \`src/config.py\` line 3, in commit ${COMMIT.slice(0, 12)}`,
    );
    expect(body).toContain(`[alert #${openai.number}](${gh.url}/acme/api/security/secret-scanning/${openai.number})`);
    expect(body).toContain('https://platform.openai.com/api-keys');
    expect(body).toMatch(
      /- \[ \] Revoke the key at the provider\.\n- \[ \] Rotate every .*\n- \[ \] Check the provider's usage logs .*\n- \[ \] Confirm here/,
    );
    expect(parseIncidentMarker(body)).toEqual({
      fingerprint: alertFingerprint(world.api.id, openai.number),
      detector: 'openai-project-key',
      provider: 'openai',
      since: openai.createdAt.toISOString(),
    });

    // Read through the API, always hiding the secret; the first location from the locations API.
    expect(alertReads().map((e) => e.path)).toEqual([
      `/repos/acme/api/secret-scanning/alerts/${openai.number}?hide_secret=true`,
    ]);
    expect(
      gh.log.entries.some(
        (e) => e.route === 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations',
      ),
    ).toBe(true);
    expect(written()).not.toContain(OPENAI);
    expect(written()).not.toContain(OPENAI.slice(8, -4));
    expect(world.logs.join('\n')).not.toContain(OPENAI.slice(8, -4));
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${openai.number} (created): incident #${incident!.number} opened`,
    );
  });

  it('opens nothing when the delivery comes again, or the alert is reopened while its incident is open', async () => {
    expect((await world.deliver('created', openai, { deliveryId: 'alert-1' })).status).toBe(200);
    expect((await world.deliver('created', openai)).status).toBe(200);
    expect((await world.deliver('reopened', openai)).status).toBe(200);
    expect(incidents()).toHaveLength(1);
    expect(gh.store.comments).toEqual([]);
    expect(lastMessage()).toMatch(/\(reopened\): no incident: incident #\d+ is open$/);
    expect(alertReads().every((e) => e.path.endsWith('?hide_secret=true'))).toBe(true);
  });

  it('reopens the closed incident when the alert is reopened (once), but not for a late "created"', async () => {
    const [incident] = incidents();
    incident!.state = 'closed';
    incident!.closedAt = gh.clock.now();
    // Within the hour an installation token lives (Probot keeps it cached across deliveries).
    gh.clock.advance(30 * MINUTE);

    await world.deliver('created', openai);
    expect(incident!.state).toBe('closed');
    expect(lastMessage()).toMatch(/\(created\): no incident: incident #\d+ was closed$/);

    await world.deliver('reopened', openai);
    expect(incidents()).toHaveLength(1);
    expect(incident!.state).toBe('open');
    expect(parseIncidentMarker(incident!.body)?.since).toBe(gh.clock.now().toISOString());
    expect(incident!.body).toContain('- [ ] Revoke the key at the provider.');
    const comments = gh.store.comments.filter((c) => c.issueNumber === incident!.number);
    expect(comments.map((c) => c.body)).toEqual([
      expect.stringMatching(
        /^GitHub's \[alert #\d+\]\(.*\) was reopened on \d{4}-\d\d-\d\d: the leak is not over, so this incident is open again/,
      ),
    ]);

    await world.deliver('reopened', openai);
    expect(gh.store.comments.filter((c) => c.issueNumber === incident!.number)).toHaveLength(1);
    expect(written()).not.toContain(OPENAI);
  });

  it('opens nothing for a secret type Key Hygiene does not track, and does not read the alert', async () => {
    const before = { issues: gh.store.issues.length, reads: alertReads().length };
    const other = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'adafruit_io_key',
      secret: 'emulated-value',
    });
    expect((await world.deliver('created', other)).status).toBe(200);
    expect(gh.store.issues).toHaveLength(before.issues);
    expect(alertReads()).toHaveLength(before.reads);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${other.number} (created): secret type "adafruit_io_key" is not one Key Hygiene tracks, no incident`,
    );
  });

  it('acts on "validated" only when GitHub found the key active', async () => {
    const aws = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'aws_access_key_id',
      secret: AWS,
      validity: 'inactive',
      locations: [{ path: 'infra/main.tf', startLine: 12, commitSha: COMMIT }],
    });
    const before = gh.store.issues.length;
    await world.deliver('validated', aws);
    expect(gh.store.issues).toHaveLength(before);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${aws.number} (validated): validated as inactive, no incident`,
    );

    aws.validity = 'active';
    await world.deliver('validated', aws);
    const opened = incidents().at(-1)!;
    expect(gh.store.issues).toHaveLength(before + 1);
    expect(opened.title).toBe('Leaked AWS access key ID in infra/main.tf — revoke it now');
    expect(parseIncidentMarker(opened.body)).toMatchObject({
      provider: 'aws',
      detector: 'aws-access-key-id',
      since: new Date(isoSeconds(aws.createdAt)).toISOString(),
    });
    expect(written()).not.toContain(AWS);
  });

  it('closes the incident when its alert is resolved on GitHub, and reopens it with the alert', async () => {
    const alert = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'stripe_api_key',
      secret: makeKey('stripe-live-key', 65),
      validity: 'active',
      locations: [{ path: 'billing/keys.rb', startLine: 4, commitSha: COMMIT }],
    });
    await world.deliver('created', alert);
    const incident = incidents().at(-1)!;
    expect(incident.title).toBe('Leaked Stripe API key in billing/keys.rb — revoke it now');

    Object.assign(alert, { state: 'resolved', resolution: 'revoked', resolvedBy: 'carol', resolvedAt: gh.clock.now() });
    expect((await world.deliver('resolved', alert)).status).toBe(200);
    expect(incident).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const said = gh.store.comments
      .filter((c) => c.issueNumber === incident.number && c.repoId === world.api.id)
      .map((c) => c.body);
    expect(said).toEqual([
      expect.stringMatching(
        /^GitHub's \[alert #\d+\]\(.*\) was resolved as revoked by `carol`: the key no longer works, so this incident is closed\./,
      ),
    ]);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${alert.number} (resolved): incident #${incident.number} closed (completed)`,
    );
    // Delivered again: nothing more.
    await world.deliver('resolved', alert);
    expect(
      gh.store.comments.filter((c) => c.issueNumber === incident.number && c.repoId === world.api.id),
    ).toHaveLength(1);
    expect(lastMessage()).toMatch(/\(resolved\): nothing to close: it has no open incident$/);

    Object.assign(alert, { state: 'open', resolution: null, resolvedBy: null, resolvedAt: null });
    await world.deliver('reopened', alert);
    expect(incident.state).toBe('open');
    expect(written()).not.toContain(alert.secret);
  });

  it('opens nothing for an alert resolved by the time it is read', async () => {
    const resolved = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'github_personal_access_token',
      secret: 'emulated-value',
      state: 'resolved',
    });
    const before = gh.store.issues.length;
    await world.deliver('created', resolved);
    expect(gh.store.issues).toHaveLength(before);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${resolved.number} (created): no incident: the alert is resolved`,
    );
  });

  it('turns a failed request into one line: Probot never gets the delivery (and its payload) to log', async () => {
    const alert = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'anthropic_api_key',
      secret: OPENAI,
      validity: 'active',
    });
    gh.faults.inject({ method: 'GET', route: '/repos/{owner}/{repo}/issues', kind: 'status', status: 502 });
    const lines = world.logs.length;
    expect((await world.deliver('created', alert)).status).toBe(200);
    expect(world.messages().slice(lines)).toEqual([
      `acme/api secret scanning alert #${alert.number} (created): GitHub answered 502, no incident`,
    ]);
    expect(world.logs.join('\n')).not.toContain(OPENAI.slice(8, -4));
    // The next delivery of it goes through.
    await world.deliver('created', alert);
    expect(incidents().at(-1)?.title).toBe('Leaked Anthropic API key in acme/api — revoke it now');
  });

  it('logs one line and opens nothing when the installation may not read secret scanning alerts (403)', async () => {
    const alert = gh.seed.secretScanningAlert({
      repo: 'umbrella/api',
      secretType: 'openai_api_key',
      secret: OPENAI,
      validity: 'active',
    });
    const lines = world.messages().length;
    expect((await world.deliver('created', alert)).status).toBe(200);
    expect(gh.store.issues.filter((i) => i.repoId === world.locked.id)).toEqual([]);
    expect(gh.log.entries.at(-1)).toMatchObject({
      route: 'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
      status: 403,
    });
    expect(
      world
        .messages()
        .slice(lines)
        .filter((m) => m.includes('secret scanning')),
    ).toEqual([
      `umbrella/api secret scanning alert #${alert.number} (created): GitHub answered 403 (needs secret_scanning_alerts=read), no incident`,
    ]);
    expect(world.logs.join('\n')).not.toContain(OPENAI.slice(8, -4));
  });
});

describe('secret_scanning_alert in a repository whose policy says `dry-run: true`', () => {
  it('logs the incident it would open and writes nothing', async () => {
    gh.store.repo('acme', 'api')!.files.set('.github/key-hygiene.yml', 'dry-run: true\n');
    const alert = gh.seed.secretScanningAlert({
      repo: 'acme/api',
      secretType: 'openai_api_key',
      secretTypeDisplayName: 'OpenAI API Key',
      secret: makeKey('openai-project-key', 64),
      validity: 'active',
      locations: [{ path: 'src/later.py', startLine: 2, commitSha: COMMIT }],
    });
    const before = incidents().length;
    gh.log.clear();
    expect((await world.deliver('created', alert, { deliveryId: 'alert-dry-run' })).status).toBe(200);
    expect(incidents()).toHaveLength(before);
    expect(gh.log.entries.filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens'))).toEqual([]);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${alert.number} (created): dry-run, no incident opened`,
    );
  });

  it('logs the incident a resolved alert would close and leaves it open', async () => {
    const incident = incidents().find(
      (i) => parseIncidentMarker(i.body)?.fingerprint === alertFingerprint(world.api.id, openai.number),
    )!;
    expect(incident.state).toBe('open');
    Object.assign(openai, { state: 'resolved', resolution: 'false_positive', resolvedBy: 'carol' });
    gh.log.clear();
    await world.deliver('resolved', openai);
    expect(incident.state).toBe('open');
    expect(gh.log.entries.filter((e) => e.method !== 'GET' && !e.path.includes('/access_tokens'))).toEqual([]);
    expect(lastMessage()).toBe(
      `acme/api secret scanning alert #${openai.number} (resolved): dry-run: would close incident #${incident.number} (not_planned)`,
    );
  });
});
