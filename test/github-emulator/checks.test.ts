import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGitRepo } from '../support/github-emulator/index.js';
import { createWorld, type World } from './fixture.js';

// Check runs as GitHub lists them: annotations page by page, and a commit's runs `filter=latest` by
// default (a re-run hides the run it replaces) or `filter=all`.
// https://docs.github.com/rest/checks/runs

let world: World;
let gitDir: string;
let sha: string;

beforeAll(async () => {
  world = await createWorld();
  gitDir = await mkdtemp(join(tmpdir(), 'emulator-checks-'));
  [sha] = (await buildGitRepo(gitDir, [{ 'a.txt': 'one\n' }])) as [string];
  world.gh.seed.repo({ fullName: 'acme/service', gitDir });
});
afterAll(async () => {
  await world.gh.close();
  await rm(gitDir, { recursive: true, force: true });
});

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
const post = (path: string, body: unknown, method = 'POST') => world.call(path, { method, body: JSON.stringify(body) });
const note = (line: number) => ({
  path: 'a.txt',
  start_line: line,
  end_line: line,
  annotation_level: 'warning',
  message: `line ${line}`,
});

describe('check run annotations', () => {
  it("lists every annotation written across updates, paginated, in GitHub's shape", async () => {
    const run = await json<{ id: number }>(
      await post('/repos/acme/service/check-runs', {
        name: 'scan',
        head_sha: sha,
        output: { title: 't', summary: 's', annotations: Array.from({ length: 50 }, (_, i) => note(i + 1)) },
      }),
    );
    await post(
      `/repos/acme/service/check-runs/${run.id}`,
      { output: { title: 't', summary: 's', annotations: [note(51), note(52)] } },
      'PATCH',
    );
    const first = await world.call(`/repos/acme/service/check-runs/${run.id}/annotations?per_page=50`);
    expect(first.headers.get('link')).toContain('rel="next"');
    const page1 = await json<Record<string, unknown>[]>(first);
    const page2 = await json<Record<string, unknown>[]>(
      await world.call(`/repos/acme/service/check-runs/${run.id}/annotations?per_page=50&page=2`),
    );
    expect([...page1, ...page2].map((a) => a.start_line)).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(page2[1]).toEqual({
      path: 'a.txt',
      start_line: 52,
      end_line: 52,
      start_column: null,
      end_column: null,
      annotation_level: 'warning',
      title: null,
      message: 'line 52',
      raw_details: null,
      blob_href: `${world.gh.url}/acme/service/blob/${sha}/a.txt`,
    });
    expect((await world.call('/repos/acme/service/check-runs/999999/annotations')).status).toBe(404);
  });
});

describe('check runs of a commit', () => {
  it('shows only the latest run of each name by default, every run with filter=all', async () => {
    const names = async (query: string) =>
      (
        await json<{ total_count: number; check_runs: { id: number; name: string }[] }>(
          await world.call(`/repos/acme/service/commits/${sha}/check-runs${query}`),
        )
      ).check_runs.map((r) => `${r.name}#${r.id}`);
    const again = await json<{ id: number }>(
      await post('/repos/acme/service/check-runs', { name: 'scan', head_sha: sha }),
    );
    const all = await names('?filter=all');
    expect(all.filter((n) => n.startsWith('scan#'))).toHaveLength(2);
    expect(await names('')).toEqual([`scan#${again.id}`]);
    expect(await names('?filter=latest&check_name=scan')).toEqual([`scan#${again.id}`]);
    expect((await world.call(`/repos/acme/service/commits/${sha}/check-runs?filter=newest`)).status).toBe(422);
  });
});
