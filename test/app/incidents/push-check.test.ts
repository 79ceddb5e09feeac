import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import { makeKey } from '../../support/make-keys.js';
import { startPushWorld, ZERO_SHA as ZERO, type PushWorld } from '../support/push-world.js';

// Leak incidents: a push → the lines it added (compare API, backed by a real git
// repository) → the engine → one "Key hygiene" check run on the head commit. Real Probot, signed
// deliveries; the keys are generated here and must appear nowhere the emulator stored.

const KEY = makeKey('openai-project-key', 11);
const BRANCH_KEY = makeKey('anthropic-api-key', 12);
const DEEP_KEY = makeKey('github-token', 13);

let world: PushWorld;
let gh: GitHubEmulator;
let main: string[];

beforeAll(async () => {
  world = await startPushWorld('push-check-', { 'src/config.ts': 'export const region = "eu";\n' });
  ({ gh, main } = world);
});
afterAll(() => world.close());

const commit = (files: Record<string, string>, message: string) => world.commit(files, message);
const push: PushWorld['push'] = (fields, deliveryId) => world.push(fields, deliveryId);

const runsOn = (sha: string) => gh.store.checkRuns.filter((r) => r.headSha === sha);
const stored = () => JSON.stringify(gh.store.checkRuns);

describe('push → "Key hygiene" check run', () => {
  it('fails a push that adds a key, with an annotation on its line and the key nowhere', async () => {
    const after = await commit(
      { 'src/config.ts': `export const region = "eu";\n\nexport const openai = "${KEY}";\n` },
      'add config',
    );
    const result = await push({ before: main[0]!, after }, 'delivery-1');
    expect(result.status).toBe(200);

    const [run, ...others] = runsOn(after);
    expect(others).toEqual([]);
    expect(run).toMatchObject({
      name: 'Key hygiene',
      status: 'completed',
      conclusion: 'failure',
      output: { title: '1 key added' },
    });
    expect(run!.annotations).toEqual([
      expect.objectContaining({
        path: 'src/config.ts',
        start_line: 3,
        end_line: 3,
        annotation_level: 'failure',
        title: 'OpenAI project key',
      }),
    ]);
    const message = (run!.annotations[0] as { message: string }).message;
    expect(message).toMatch(/^OpenAI project key sk-proj-\S*…?\S* added\. Medium confidence: .*revoke/i);
    expect(stored()).not.toContain(KEY);
    expect(stored()).not.toContain(KEY.slice(8, -4));
    main.push(after);
  });

  it("lists the annotations it wrote through GitHub's annotations endpoint, the key nowhere", async () => {
    const [run] = runsOn(main.at(-1)!);
    const token = gh.seed.installationToken(world.installationId, { permissions: { checks: 'read' } });
    const response = await fetch(`${gh.url}/repos/acme/api/check-runs/${run!.id}/annotations`, {
      headers: { authorization: `token ${token}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual([
      expect.objectContaining({
        path: 'src/config.ts',
        start_line: 3,
        end_line: 3,
        annotation_level: 'failure',
        title: 'OpenAI project key',
        blob_href: expect.stringContaining(`/blob/${main.at(-1)!}/src/config.ts`),
      }),
    ]);
    expect(text).not.toContain(KEY);
  });

  it('keeps one check run per head commit when the same push is delivered again', async () => {
    const after = main.at(-1)!;
    const result = await push({ before: main.at(-2)!, after }, 'delivery-1');
    expect(result.status).toBe(200);
    expect(runsOn(after)).toHaveLength(1);
    expect(runsOn(after)[0]!.annotations).toHaveLength(1);
  });

  it('passes a push that adds no key', async () => {
    const after = await commit({ 'docs/setup.md': 'Set OPENAI_API_KEY in the environment, never in code.\n' }, 'docs');
    await push({ before: main.at(-1)!, after });
    expect(runsOn(after)).toEqual([
      expect.objectContaining({
        conclusion: 'success',
        output: expect.objectContaining({ title: 'No keys added', summary: 'No keys added.' }),
        annotations: [],
      }),
    ]);
    main.push(after);
  });

  it('compares a new branch with the default branch: only what the branch added is annotated', async () => {
    await world.git(['checkout', '--quiet', '-b', 'feature']);
    const after = await commit({ 'app/client.py': `import os\nANTHROPIC = "${BRANCH_KEY}"\n` }, 'client');
    await world.git(['checkout', '--quiet', 'main']);
    await push({ ref: 'refs/heads/feature', before: ZERO, after });
    const [run] = runsOn(after);
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(run!.annotations).toEqual([expect.objectContaining({ path: 'app/client.py', start_line: 2 })]);
    expect(stored()).not.toContain(BRANCH_KEY);
  });

  it('reads a compare too large for one answer commit by commit', async () => {
    // A compare lists 300 files at most, like GitHub's: 301 changed files leave the last one out.
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`data/${String(i).padStart(3, '0')}.txt`, `row ${i}\n`]),
    );
    const first = await commit(many, '300 files');
    const after = await commit({ 'deep/secrets.env': `# ci\nGH_TOKEN=${DEEP_KEY}\n` }, 'one more');
    await push({ before: main.at(-1)!, after });
    const [run] = runsOn(after);
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(run!.annotations).toEqual([expect.objectContaining({ path: 'deep/secrets.env', start_line: 2 })]);
    expect((run!.annotations[0] as { message: string }).message).toContain(`in commit ${after.slice(0, 12)}`);
    expect(
      gh.log.entries.some((e) => e.route === `GET /repos/{owner}/{repo}/commits/{ref}` && e.path.includes(first)),
    ).toBe(true);
    expect(stored()).not.toContain(DEEP_KEY);
    main.push(first, after);
  });

  it('reads a push too large for one compare in at most 50 requests, newest commits first, and says what it left out', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [`bulk/${String(i).padStart(3, '0')}.txt`, `row ${i}\n`]),
    );
    const oldest = await commit(many, 'import 300 files');
    const shas = [oldest];
    for (let i = 0; i < 54; i++) shas.push(await commit({ [`log/${i}.txt`]: `entry ${i}\n` }, `entry ${i}`));
    const after = await commit({ 'src/late.env': `GH_TOKEN=${makeKey('github-token', 14)}\n` }, 'late key');
    shas.push(after);
    gh.log.clear();
    await push({ before: main.at(-1)!, after });
    const reads = gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/commits/{ref}');
    const compares = gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/compare/{basehead}');
    expect(compares).toHaveLength(1);
    expect(reads).toHaveLength(49);
    // The newest 49 of 56: the 300-file import and the six after it are the ones left out.
    expect(reads.some((e) => e.path.includes(oldest))).toBe(false);
    const [run] = runsOn(after);
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(run!.annotations).toEqual([expect.objectContaining({ path: 'src/late.env', start_line: 1 })]);
    expect(run!.output.summary).toContain('The oldest 7 commits of this push were not scanned');
    expect(run!.output.summary).toContain('key-hygiene scan --history');
    main.push(...shas);
  });

  it('sends more than 50 annotations in batches of 50, as the Checks API requires', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => makeKey('openai-project-key', 100 + i));
    const after = await commit({ 'bulk/keys.env': keys.map((k, i) => `KEY_${i}=${k}`).join('\n') + '\n' }, 'bulk');
    await push({ before: main.at(-1)!, after });
    const [run, ...others] = runsOn(after);
    expect(others).toEqual([]);
    expect(run).toMatchObject({ conclusion: 'failure', output: { title: '60 keys added' } });
    expect(run!.annotations.map((a) => (a as { start_line: number }).start_line)).toEqual(keys.map((_, i) => i + 1));
    const json = stored();
    expect(keys.filter((k) => json.includes(k))).toEqual([]);
    main.push(after);
  });

  it('skips deleted branches and tags, and says so when a first push has nothing to compare with', async () => {
    const before = gh.store.checkRuns.length;
    await push({ ref: 'refs/heads/feature', before: main.at(-1)!, after: ZERO, deleted: true });
    await push({ ref: 'refs/tags/v1.0.0', before: ZERO, after: main.at(-1)! });
    expect(gh.store.checkRuns).toHaveLength(before);

    await push({ before: ZERO, after: main[0]! });
    expect(runsOn(main[0]!)).toEqual([
      expect.objectContaining({ conclusion: 'neutral', output: expect.objectContaining({ title: 'Not scanned' }) }),
    ]);
  });
});

describe('a push of more commits than a compare lists (here 10, GitHub 250)', () => {
  let small: PushWorld;
  beforeAll(async () => {
    small = await startPushWorld(
      'push-check-long-',
      { 'src/config.ts': 'export const region = "eu";\n' },
      { emulator: { limits: { compareMaxCommits: 10, maxPatchBytes: 2_000 } } },
    );
  });
  afterAll(() => small.close());

  it('reads the newest commits the compare lists, and counts the older ones it never saw as not scanned', async () => {
    const base = small.main.at(-1)!;
    // A file whose diff is too large for the API: the compare has no patch for it, so the push is read commit by commit.
    await small.commit({ 'data/big.csv': 'id,value\n'.repeat(400) }, 'big file');
    for (let i = 0; i < 13; i++) await small.commit({ [`log/${i}.txt`]: `entry ${i}\n` }, `entry ${i}`);
    const after = await small.commit({ 'src/late.env': `GH_TOKEN=${makeKey('github-token', 15)}\n` }, 'late key');
    small.gh.log.clear();
    await small.push({ before: base, after });
    expect(small.gh.log.entries.filter((e) => e.route === 'GET /repos/{owner}/{repo}/commits/{ref}')).toHaveLength(10);
    const [run] = small.gh.store.checkRuns.filter((r) => r.headSha === after);
    expect(run).toMatchObject({ conclusion: 'failure' });
    expect(run!.output.summary).toContain('The oldest 5 commits of this push were not scanned');
  });
});
