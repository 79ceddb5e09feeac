import { beforeAll, describe, expect, it } from 'vitest';
import { isDashboard } from '../../../src/tracking/dashboard-marker.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import { buildAppIfStale, spawnSweepOnce } from '../../support/app-process.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { PERMISSIONS } from '../support/robust-world.js';

// Two `sweep --once` processes started at the same moment against one GitHub, without Redis: the
// in-process lock of each sees nothing of the other. Each key's issue is claimed before it is
// opened (app/repo/with-issue-claim.ts), so each key gets one issue and its owner one
// notification — no twin opened, and none closed. Three rounds, with fresh stale keys each time,
// so the race has three chances to show.

const BOT = 'key-hygiene[bot]';
const ROUNDS = 3;
const KEYS_PER_ROUND = 3;

beforeAll(() => buildAppIfStale(), 120_000);

/** Issue creations and comments that reached GitHub (each notifies everyone it mentions). */
const notices = (gh: GitHubEmulator) => ({
  created: gh.log.entries.filter((e) => e.route === 'POST /repos/{owner}/{repo}/issues' && e.status === 201).length,
  comments: gh.log.entries.filter(
    (e) => e.route === 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments' && e.status === 201,
  ).length,
});

async function sweepTwiceAtOnce(gh: GitHubEmulator, env: NodeJS.ProcessEnv): Promise<void> {
  // The processes sign their JWTs with the host's clock: the emulator's starts there each round.
  gh.clock.set(new Date());
  const sweeps = [spawnSweepOnce(env), spawnSweepOnce(env)];
  const codes = await Promise.all(sweeps.map((s) => s.exited));
  const output = sweeps.map((s) => s.output.join('')).join('\n---\n');
  expect(codes, output).toEqual([0, 0]);
  expect(output).not.toMatch(/sweep failed/);
}

describe('two sweep --once processes at the same moment, without Redis', () => {
  it('open exactly one issue per key, close no twin, and notify each owner once, round after round', async () => {
    const gh = await startGitHubEmulator();
    try {
      const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
      gh.seed.repo({ fullName: 'acme/api', files: { '.github/CODEOWNERS': '* @mona\n' } });
      gh.seed.collaborator('acme/api', 'mona', 'write');
      gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
      const env = {
        APP_ID: String(app.id),
        PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
        GHE_HOST: gh.host,
        GHE_PROTOCOL: 'http',
      };
      const repoId = gh.store.repo('acme', 'api')!.id;
      const secrets: string[] = [];

      for (let round = 1; round <= ROUNDS; round += 1) {
        const before = notices(gh);
        const fresh = Array.from({ length: KEYS_PER_ROUND }, (_, i) => `ROUND${round}_SERVICE${i + 1}_API_KEY`);
        for (const name of fresh)
          gh.seed.secret({ scope: 'repo', repo: 'acme/api', name, updatedAt: new Date(Date.now() - 100 * DAY) });
        secrets.push(...fresh);

        await sweepTwiceAtOnce(gh, env);

        const issues = gh.store.issues.filter((i) => i.repoId === repoId);
        const keyIssues = issues.filter((i) => parseKeyMarker(i.body) !== undefined);
        // One issue per key ever written (a twin would show here, open or closed), all still open.
        expect(keyIssues.map((i) => parseKeyMarker(i.body)!.secret).sort(), `round ${round}`).toEqual(
          [...secrets].sort(),
        );
        expect(
          keyIssues.filter((i) => i.state !== 'open'),
          `round ${round}`,
        ).toEqual([]);
        expect(
          issues.filter((i) => isDashboard(i.body)).map((i) => i.state),
          `round ${round}`,
        ).toEqual(['open']);
        // Each owner hears of each new key once: one issue creation each (plus the dashboard in the first round), no comment.
        const after = notices(gh);
        expect(
          { created: after.created - before.created, comments: after.comments - before.comments },
          `round ${round}`,
        ).toEqual({ created: KEYS_PER_ROUND + (round === 1 ? 1 : 0), comments: 0 });
        for (const name of fresh)
          expect(keyIssues.find((i) => parseKeyMarker(i.body)!.secret === name)!.body).toContain('@mona');
        expect(gh.store.comments.filter((c) => c.user === BOT)).toEqual([]);
        // The claims were released: no claim label is left in the repository's labels.
        expect(
          gh.store
            .labelsOf(repoId)
            .map((l) => l.name)
            .filter((n) => n.startsWith('key-hygiene-claim-')),
        ).toEqual([]);
      }
    } finally {
      await gh.close();
    }
  }, 300_000);
});
