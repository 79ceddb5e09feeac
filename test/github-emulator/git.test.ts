import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGitRepo, runGit } from '../support/github-emulator/index.js';
import { createWorld, type World } from './fixture.js';

interface CompareFile {
  filename: string;
  status: string;
  additions: number;
  deletions: number;
  patch?: string;
  previous_filename?: string;
}
interface Comparison {
  status: string;
  ahead_by: number;
  behind_by: number;
  total_commits: number;
  commits: Array<{ sha: string; commit: { message: string } }>;
  files: CompareFile[];
}

let world: World;
let dir: string;
let shas: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'emulator-git-'));
  shas = await buildGitRepo(dir, [
    { 'README.md': '# api\n', 'config/old.env': 'A=1\n', 'drop.txt': 'bye\n' },
    { 'src/app.ts': 'export const key = process.env.OPENAI_API_KEY;\n' },
    { 'config/new.env': 'A=1\n', 'config/old.env': null, 'drop.txt': null, 'README.md': '# api\n\nmore\n' },
    Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`bulk/file-${i}.txt`, `line ${i}\n`.repeat(50)])),
  ]);
  world = await createWorld({ limits: { compareMaxFiles: 4, maxPatchBytes: 200 } });
  world.gh.seed.repo({ fullName: 'acme/service', gitDir: dir });
});
afterAll(async () => {
  await world.gh.close();
  await rm(dir, { recursive: true, force: true });
});

const compare = async (basehead: string, query = ''): Promise<{ body: Comparison; link: string | null }> => {
  const response = await world.call(`/repos/acme/service/compare/${basehead}${query}`);
  expect(response.status).toBe(200);
  return { body: (await response.json()) as Comparison, link: response.headers.get('link') };
};

describe('compare, backed by a real git repository', () => {
  it('lists commits in chronological order and files with statuses, renames and hunk-only patches', async () => {
    const { body } = await compare(`${shas[0]}...${shas[2]}`);
    expect(body).toMatchObject({ status: 'ahead', ahead_by: 2, behind_by: 0, total_commits: 2 });
    expect(body.commits.map((c) => c.commit.message)).toEqual(['commit 2', 'commit 3']);
    const byName = Object.fromEntries(body.files.map((f) => [f.filename, f]));
    expect(byName['config/new.env']).toMatchObject({ status: 'renamed', previous_filename: 'config/old.env' });
    expect(byName['drop.txt']).toMatchObject({ status: 'removed', deletions: 1 });
    expect(byName['src/app.ts']).toMatchObject({ status: 'added', additions: 1 });
    expect(byName['README.md']?.patch).toBe('@@ -1 +1,3 @@\n # api\n+\n+more');
  });

  it('truncates like GitHub: file list capped, big patches omitted, files only on page 1 when paging', async () => {
    const { body } = await compare(`${shas[2]}...main`);
    expect(body.files).toHaveLength(4);
    expect(body.files.every((f) => f.patch === undefined)).toBe(true);
    const paged = await compare(`${shas[0]}...main`, '?per_page=2');
    expect(paged.body.commits).toHaveLength(2);
    expect(paged.link).toContain('rel="next"');
    const second = await compare(`${shas[0]}...main`, '?per_page=2&page=2');
    expect(second.body.commits.map((c) => c.commit.message)).toEqual(['commit 4']);
    expect(second.body.files).toEqual([]);
  });

  it('reports behind and diverged, and 404 for unknown refs', async () => {
    expect((await compare(`main...${shas[1]}`)).body).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 2 });
    // A branch off commit 2 with one commit of its own.
    const identity = {
      GIT_AUTHOR_NAME: 'x',
      GIT_AUTHOR_EMAIL: 'x@example.com',
      GIT_COMMITTER_NAME: 'x',
      GIT_COMMITTER_EMAIL: 'x@example.com',
    };
    const side = (
      await runGit(dir, ['commit-tree', '-m', 'side', '-p', shas[1] as string, `${shas[1]}^{tree}`], identity)
    ).trim();
    await runGit(dir, ['update-ref', 'refs/heads/side', side]);
    expect((await compare('main...side')).body).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 2 });
    expect((await world.call('/repos/acme/service/compare/main...nope')).status).toBe(404);
  });
});

describe('commits', () => {
  it('gets one commit with stats and files, and lists history newest first', async () => {
    const one = (await (await world.call(`/repos/acme/service/commits/${shas[1]}`)).json()) as {
      sha: string;
      stats: { additions: number };
      files: CompareFile[];
      parents: Array<{ sha: string }>;
    };
    expect(one.sha).toBe(shas[1]);
    expect(one.parents.map((p) => p.sha)).toEqual([shas[0]]);
    expect(one.stats.additions).toBe(1);
    expect(one.files.map((f) => f.filename)).toEqual(['src/app.ts']);
    const list = (await (await world.call('/repos/acme/service/commits?per_page=2')).json()) as Array<{ sha: string }>;
    expect(list.map((c) => c.sha)).toEqual([shas[3], shas[2]]);
  });

  it('serves contents from the git repository at any ref', async () => {
    const head = (await (await world.call('/repos/acme/service/contents/README.md')).json()) as { content: string };
    expect(Buffer.from(head.content, 'base64').toString()).toBe('# api\n\nmore\n');
    const old = (await (await world.call(`/repos/acme/service/contents/config/old.env?ref=${shas[0]}`)).json()) as {
      content: string;
    };
    expect(Buffer.from(old.content, 'base64').toString()).toBe('A=1\n');
  });
});
