import { Probot } from 'probot';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppOctokit } from '../../../app/octokit/octokit.js';
import { applyActions } from '../../../app/repo/apply-actions.js';
import { withIssueClaim } from '../../../app/repo/with-issue-claim.js';
import type { OpenIssueAction } from '../../../src/tracking/issue-action.js';
import {
  CLAIM_GENERATIONS,
  CLAIM_TTL_MS,
  claimExpired,
  claimLabelName,
  renderClaimDescription,
} from '../../../src/tracking/issue-claim.js';
import { renderKeyMarker } from '../../../src/tracking/key-marker.js';
import type { GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { TestOctokit } from '../support/app-world.js';
import { createBareWorld } from '../support/robust-world.js';

// The claim a sweep takes before it opens a key's issue (app/repo/with-issue-claim.ts): one
// holder among racing processes, a claim left by a process that died taken over once expired,
// and never a claim label left behind.

const KEY = 'acme/api|repo|*|openai_api_key|rotate';
const BOT = 'key-hygiene[bot]';
const MINUTE = 60_000;

describe('claim labels (pure)', () => {
  it('fit GitHub’s label limits: a name of at most 50 characters, a description of at most 100', () => {
    const longKey = `acme/${'r'.repeat(100)}|environment|${'e'.repeat(255)}|${'S'.repeat(200)}|rotate`;
    for (let g = 0; g < CLAIM_GENERATIONS; g += 1) expect(claimLabelName(longKey, g).length).toBeLessThanOrEqual(50);
    expect(claimLabelName(KEY, 0)).toMatch(/^key-hygiene-claim-[0-9a-f]{16}$/);
    expect(claimLabelName(KEY, 1)).toBe(`${claimLabelName(KEY, 0)}-1`);
    expect(claimLabelName(KEY, 0)).not.toBe(claimLabelName(KEY.replace('openai', 'stripe'), 0));
    expect(renderClaimDescription(new Date('2026-12-31T23:59:59.999Z')).length).toBeLessThanOrEqual(100);
  });

  it('expire after the TTL, when unreadable, or when dated further ahead than the TTL', () => {
    const at = new Date('2026-06-01T12:00:00Z');
    const later = (ms: number) => new Date(at.getTime() + ms);
    expect(claimExpired(renderClaimDescription(at), later(CLAIM_TTL_MS - 1))).toBe(false);
    expect(claimExpired(renderClaimDescription(at), later(CLAIM_TTL_MS + 1))).toBe(true);
    expect(claimExpired(renderClaimDescription(at), later(-MINUTE))).toBe(false);
    expect(claimExpired(renderClaimDescription(later(CLAIM_TTL_MS + MINUTE)), at)).toBe(true);
    for (const unreadable of [null, '', 'someone edited this', 'Claimed yesterday', 'Claimed 2026-13-45T99:00:00Z'])
      expect(claimExpired(unreadable, at)).toBe(true);
  });
});

describe('withIssueClaim against the emulator', () => {
  let gh: GitHubEmulator;
  let installation: InstallationRecord;
  let octokit: AppOctokit;
  let now: Date;
  const at = () => ({ owner: 'acme', repo: 'api', clock: () => now });
  const labels = () => gh.store.labelsOf(gh.store.repo('acme', 'api')!.id).map((l) => l.name);
  const seedClaim = async (generation: number, claimedAt: Date | string) => {
    const description = typeof claimedAt === 'string' ? claimedAt : renderClaimDescription(claimedAt);
    await octokit.request('POST /repos/{owner}/{repo}/labels', {
      owner: 'acme',
      repo: 'api',
      name: claimLabelName(KEY, generation),
      description,
    });
  };

  beforeAll(async () => {
    const world = await createBareWorld();
    ({ gh, installation } = world);
    gh.seed.repo({ fullName: 'acme/api' });
    const probot = new Probot({
      appId: world.app.id,
      privateKey: world.app.privateKey,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
    octokit = (await probot.auth(installation.id)) as AppOctokit;
  });
  afterAll(() => gh.close());
  beforeEach(() => {
    now = new Date('2026-06-01T12:00:00Z');
    gh.store.labels = [];
  });

  /**
   * `count` claimants at once; the holder's work waits until every other claimant has its answer
   * (or a second one runs its work), so a quick holder cannot release before the others try.
   */
  async function race(count: number, check: () => void) {
    const ran: number[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let refused = 0;
    const claims = Array.from({ length: count }, (_, i) =>
      withIssueClaim(octokit, at(), KEY, async () => {
        ran.push(i);
        check();
        if (ran.length > 1) open();
        await gate;
        return i;
      }),
    );
    for (const claim of claims) void claim.then((o) => !o.held && ++refused === count - 1 && open());
    return { ran, outcomes: await Promise.all(claims) };
  }

  it('gives the claim to exactly one of several claimants at once; the others do not run their work', async () => {
    const { ran, outcomes } = await race(3, () => expect(labels()).toEqual([claimLabelName(KEY, 0)]));
    expect(ran).toHaveLength(1);
    expect(outcomes.filter((o) => o.held)).toEqual([{ held: true, result: ran[0] }]);
    expect(outcomes.filter((o) => !o.held)).toEqual([
      { held: false, reason: 'held-by-another' },
      { held: false, reason: 'held-by-another' },
    ]);
    expect(labels()).toEqual([]);
  });

  it('leaves a live claim alone: another process holds it', async () => {
    await seedClaim(0, new Date(now.getTime() - 2 * MINUTE));
    let ran = false;
    expect(await withIssueClaim(octokit, at(), KEY, async () => (ran = true))).toEqual({
      held: false,
      reason: 'held-by-another',
    });
    expect(ran).toBe(false);
    expect(labels()).toEqual([claimLabelName(KEY, 0)]);
  });

  it('takes over a claim older than the TTL through the next generation, once among racing claimants, and deletes both', async () => {
    await seedClaim(0, new Date(now.getTime() - CLAIM_TTL_MS - MINUTE));
    const { ran, outcomes } = await race(2, () =>
      expect(labels().sort()).toEqual([claimLabelName(KEY, 0), claimLabelName(KEY, 1)]),
    );
    expect(ran).toHaveLength(1);
    expect(outcomes.map((o) => o.held).sort()).toEqual([false, true]);
    expect(labels()).toEqual([]);
  });

  it('takes over an unreadable claim, and a takeover that expired in turn', async () => {
    await seedClaim(0, 'edited by someone');
    await seedClaim(1, new Date(now.getTime() - CLAIM_TTL_MS - MINUTE));
    expect(await withIssueClaim(octokit, at(), KEY, async () => 'mine')).toEqual({ held: true, result: 'mine' });
    expect(labels()).toEqual([]);
  });

  it('clears every generation when all expired, and leaves the key to the next claim', async () => {
    for (let g = 0; g < CLAIM_GENERATIONS; g += 1)
      await seedClaim(g, new Date(now.getTime() - CLAIM_TTL_MS - g * MINUTE - MINUTE));
    let ran = false;
    expect(await withIssueClaim(octokit, at(), KEY, async () => (ran = true))).toEqual({
      held: false,
      reason: 'expired-claims-cleared',
    });
    expect(ran).toBe(false);
    expect(labels()).toEqual([]);
    expect(await withIssueClaim(octokit, at(), KEY, async () => 'next')).toEqual({ held: true, result: 'next' });
  });

  it('a claim expires on the clock: a later process takes over what a dead one left', async () => {
    await seedClaim(0, now);
    expect((await withIssueClaim(octokit, at(), KEY, async () => 'early')).held).toBe(false);
    now = new Date(now.getTime() + CLAIM_TTL_MS + 1000);
    expect(await withIssueClaim(octokit, at(), KEY, async () => 'late')).toEqual({ held: true, result: 'late' });
    expect(labels()).toEqual([]);
  });

  it('releases the claim when the work fails', async () => {
    await expect(
      withIssueClaim(octokit, at(), KEY, async () => {
        throw new Error('issue create failed');
      }),
    ).rejects.toThrow('issue create failed');
    expect(labels()).toEqual([]);
  });
});

describe('applyActions opens under the claim, after listing the issues again', () => {
  it('does not open an issue another process opened since the plan was made, and says so', async () => {
    const world = await createBareWorld();
    const { gh } = world;
    try {
      gh.seed.repo({ fullName: 'acme/api' });
      const probot = new Probot({
        appId: world.app.id,
        privateKey: world.app.privateKey,
        baseUrl: gh.apiV3Url,
        Octokit: TestOctokit,
        logLevel: 'fatal',
      });
      const octokit = (await probot.auth(world.installation.id)) as AppOctokit;
      const open: OpenIssueAction = {
        type: 'open',
        key: KEY,
        title: 'Rotate OPENAI_API_KEY',
        body: `due\n\n${renderKeyMarker({ key: KEY })}`,
        labels: ['key-hygiene'],
      };
      const lines: string[] = [];
      const options = {
        owner: 'acme',
        repo: 'api',
        botLogin: BOT,
        dryRun: false,
        log: (line: string) => lines.push(line),
      };
      const first = await applyActions(octokit, [open], options);
      expect(first.map((a) => a.action.type)).toEqual(['open']);
      // The same plan again (made before the first wrote): the fresh list shows the issue, nothing is written.
      const writes = gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/issues').length;
      expect(await applyActions(octokit, [open], options)).toEqual([]);
      expect(gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/issues').length).toBe(writes);
      expect(lines).toEqual([`acme/api: ${KEY}: not opened, another sweep opened #${first[0]!.number} meanwhile`]);
      expect(gh.store.issues.filter((i) => i.state === 'open')).toHaveLength(1);
      expect(gh.store.labelsOf(gh.store.repo('acme', 'api')!.id).map((l) => l.name)).toEqual(['key-hygiene']);
    } finally {
      await gh.close();
    }
  });
});
