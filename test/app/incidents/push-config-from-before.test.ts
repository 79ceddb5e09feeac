import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { ALNUM } from '../../../src/detectors/alphabets.js';
import { makeKey } from '../../support/make-keys.js';
import { seededRng } from '../../support/seeded-rng.js';
import { startPushWorld, type PushWorld } from '../support/push-world.js';

// The config that decides a push is the one from before it. A push to the default branch that adds
// a config turning the detector off (or allowing every path) together with a key used to be judged
// by its own config — Probot reads the default branch's tip, which is the pushed commit — and passed.

const PERMISSIVE = "scan:\n  disable: [openai-project-key]\n  allow:\n    paths: ['fixtures/**']\n";

let world: PushWorld;
let gh: GitHubEmulator;

beforeAll(async () => {
  world = await startPushWorld('push-config-before-', { 'src/config.ts': 'export const region = "eu";\n' });
  gh = world.gh;
});
afterAll(() => world.close());

const runOn = (sha: string) => gh.store.checkRuns.find((r) => r.headSha === sha);
const pushFiles = async (files: Record<string, string>) => {
  const before = world.main.at(-1)!;
  const after = await world.commit(files, 'change');
  await world.push({ before, after });
  world.main.push(after);
  return runOn(after);
};

describe('a push is judged by the config from before it', () => {
  it('fails a push that adds a key together with a config that would let it through', async () => {
    const run = await pushFiles({
      '.github/key-hygiene.yml': PERMISSIVE,
      'src/keys.ts': `export const openai = "${makeKey('openai-project-key', 21)}";\n`,
    });
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: '1 key added' } });
    expect(run!.annotations).toEqual([expect.objectContaining({ path: 'src/keys.ts', start_line: 1 })]);
  });

  it('applies that config from the next push on, allowed paths included', async () => {
    const run = await pushFiles({
      'src/more.ts': `export const again = "${makeKey('openai-project-key', 22)}";\n`,
      'fixtures/github.txt': `token=${makeKey('github-token', 23)}\n`,
    });
    expect(run?.output).toMatchObject({ title: 'No keys added' });
  });

  it("drops what is below the config's min-confidence from the check, counted, never shown", async () => {
    await pushFiles({ '.github/key-hygiene.yml': 'scan:\n  min-confidence: high\n' });
    const password = seededRng(31).string(`${ALNUM}#!@`, 18);
    const run = await pushFiles({
      'src/strict.ts': `export const openai = "${makeKey('openai-project-key', 24)}";\n`,
      'src/db.py': `db_password = "${password}"\n`,
      'ci/deploy.sh': `export GITHUB_TOKEN=${makeKey('github-token', 25)}\n`,
    });
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: '1 key added' } });
    expect(run!.annotations).toEqual([expect.objectContaining({ path: 'ci/deploy.sh', start_line: 1 })]);
    expect((run!.annotations[0] as { message: string }).message).toContain('High confidence: its checksum checks out.');
    expect(run!.output?.summary).toContain('2 findings below high confidence not shown');
    expect(JSON.stringify(run)).not.toContain('src/db.py');
  });
});
