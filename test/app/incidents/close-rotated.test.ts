import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSettings, type AppSettings } from '../../../app/settings.js';
import { sweepAll } from '../../../app/sweep/sweep-all.js';
import { parseCommentMarker } from '../../../src/tracking/comment-marker.js';
import { parseIncidentMarker } from '../../../src/tracking/incident-marker.js';
import type { GitHubEmulator, IssueRecord } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { DAY } from '../support/app-world.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// Leak incidents, after the incident is open: the daily sweep reads the secrets'
// `updated_at` (GitHub has no webhook for secret changes) and closes an incident once every
// secret for its provider — repository and environments, named for it or mapped by `keys` — was
// rotated after the leak. Real Probot, signed push deliveries, real git, the emulator's clock.

const OPENAI = makeKey('openai-project-key', 61);
const ANTHROPIC = makeKey('anthropic-api-key', 62);
const MINUTE = 60_000;
const BOT = 'key-hygiene[bot]';

let world: PushWorld;
let gh: GitHubEmulator;
let main: string[];

beforeAll(async () => {
  world = await startPushWorld(
    'incident-close-',
    { 'src/settings.py': 'REGION = "eu"\n' },
    { permissions: { secrets: 'read', environments: 'read', actions: 'read' } },
  );
  ({ gh, main } = world);
  const monthAgo = new Date(gh.clock.now().getTime() - 30 * DAY);
  gh.seed.environment({ repo: 'acme/api', name: 'production' });
  gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'OPENAI_API_KEY', updatedAt: monthAgo });
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'OPENAI_API_KEY',
    updatedAt: monthAgo,
  });
  gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'STRIPE_API_KEY', updatedAt: monthAgo });
});
afterAll(() => world.close());

const sweep = async (settings: Partial<AppSettings> = {}) => {
  const result = await sweepAll(world.probot, { ...defaultSettings, sweepEveryMs: 0, ...settings }, () =>
    gh.clock.now(),
  );
  expect(result.failed).toEqual([]);
};
/** Pushes one commit to main adding `files`. */
async function pushCommit(files: Record<string, string>): Promise<void> {
  const after = await world.commit(files, 'change');
  expect((await world.push({ before: main.at(-1)!, after, created: false })).status).toBe(200);
  main.push(after);
}
/** A secret written now, on the emulator's clock: GitHub sets `updated_at` when it is set. */
const rotate = (where: { environment?: string }) =>
  gh.seed.secret(
    where.environment
      ? {
          scope: 'environment',
          repo: 'acme/api',
          environment: where.environment,
          name: 'OPENAI_API_KEY',
          updatedAt: gh.clock.now(),
        }
      : { scope: 'repo', repo: 'acme/api', name: 'OPENAI_API_KEY', updatedAt: gh.clock.now() },
  );

const incidentFor = (provider: string): IssueRecord =>
  gh.store.issues.find((i) => parseIncidentMarker(i.body)?.provider === provider)!;
const commentsOn = (issue: IssueRecord) =>
  gh.store.comments.filter((c) => c.repoId === issue.repoId && c.issueNumber === issue.number);
/** The incidents and every comment (the dashboard's own text says when it was swept, so it is left out). */
const written = () =>
  JSON.stringify([
    gh.store.issues.filter((i) => i.labels.includes('leak')).map((i) => [i.number, i.state, i.body, i.labels]),
    gh.store.comments.length,
  ]);

describe('a leak incident closes itself once its secrets were rotated', () => {
  it('a push adding an OpenAI key opens an incident that says how it ends; a sweep leaves it open while no secret changed', async () => {
    await pushCommit({ 'src/config.py': `OPENAI = "${OPENAI}"\n` });
    const incident = incidentFor('openai');
    expect(incident).toMatchObject({ state: 'open', user: BOT });
    expect(incident.body).toMatch(/I close this issue myself once every secret for this key’s provider/);
    await sweep();
    expect(incidentFor('openai').state).toBe('open');
    expect(commentsOn(incident)).toEqual([]);
  });

  it('rotating only the repository secret is not enough: the production copy still holds the old value', async () => {
    gh.clock.advance(10 * MINUTE);
    rotate({});
    await sweep();
    expect(incidentFor('openai').state).toBe('open');
    expect(commentsOn(incidentFor('openai'))).toEqual([]);
  });

  it('with both rotated, a dry run and a sweep with no content budget write nothing', async () => {
    gh.clock.advance(5 * MINUTE);
    rotate({ environment: 'production' });
    const before = written();
    await sweep({ dryRun: true });
    await sweep({ maxContentPerSweep: 0 });
    expect(written()).toBe(before);
    expect(incidentFor('openai').state).toBe('open');
  });

  it('the next sweep closes it as completed, with one comment listing each secret and when it was rotated', async () => {
    gh.log.clear();
    await sweep();
    // The incidents come from the one list of the bot's issues the sweep reads anyway (they carry
    // the tracking label too): each list is a counted 200 under every day's new token.
    expect(
      gh.log.entries.filter(
        (e) => e.route === 'GET /repos/{owner}/{repo}/issues' && e.path.startsWith('/repos/acme/api/'),
      ),
    ).toHaveLength(1);
    const incident = incidentFor('openai');
    expect(incident).toMatchObject({ state: 'closed', stateReason: 'completed' });
    const [comment, ...more] = commentsOn(incident);
    expect(more).toEqual([]);
    expect(comment!.user).toBe(BOT);
    const stamp = (minutes: number) =>
      `${new Date(incident.createdAt.getTime() + minutes * MINUTE).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    expect(comment!.body).toContain('Every secret for `openai` in this repository was updated after the leak');
    expect(comment!.body).toContain(`- \`OPENAI_API_KEY\` (repository): rotated ${stamp(10)}`);
    expect(comment!.body).toContain(`- \`OPENAI_API_KEY\` (environment \`production\`): rotated ${stamp(15)}`);
    expect(comment!.body).not.toContain('STRIPE');
    expect(parseCommentMarker(comment!.body)).toMatchObject({ kind: 'rotated' });
    const after = written();
    await sweep();
    expect(written()).toBe(after);
  });

  it('an incident whose provider has no secret here stays open, sweep after sweep', async () => {
    await pushCommit({ 'src/llm.py': `ANTHROPIC = "${ANTHROPIC}"\n` });
    expect(incidentFor('anthropic').state).toBe('open');
    gh.clock.advance(10 * MINUTE);
    rotate({});
    await sweep();
    expect(incidentFor('anthropic').state).toBe('open');
    expect(commentsOn(incidentFor('anthropic'))).toEqual([]);
  });

  it('stores neither key anywhere', () => {
    const stored = JSON.stringify([gh.store.issues, gh.store.comments, gh.store.checkRuns]);
    for (const key of [OPENAI, ANTHROPIC]) expect(stored).not.toContain(key.slice(10, -4));
  });
});
