import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { runCli } from '../support/run-cli.js';
import { seededRng } from '../support/seeded-rng.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const ALNUM = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

describe('key-hygiene scan: a key of a vendor it does not name', () => {
  it('finds it on a CI command line and in a URL, and stays quiet on a badge token and a doc slot', () => {
    repo = createTestRepo();
    const rng = seededRng(4242);
    const cliKey = rng.string(ALNUM, 32);
    const urlKey = rng.string(ALNUM, 40);
    repo.write(
      '.github/workflows/release.yml',
      `jobs:\n  release:\n    steps:\n      - run: quillpay deploy --api-key ${cliKey} --region eu\n`,
    );
    repo.write('scripts/orders.py', `r = requests.get("https://api.q.example/v2/orders?api_key=${urlKey}&limit=10")\n`);
    repo.write(
      'README.md',
      '[![c](https://codecov.io/gh/acme/app/graph/badge.svg?token=Q7ZK2MUD4X)](x)\n\n' +
        '    quillpay deploy --api-key <your-api-key>\n',
    );
    repo.commit('add');

    const run = runCli(['scan', '.', '--format', 'json'], { cwd: repo.root, env: repo.env });
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings as { detector: string; path: string }[];
    expect(findings.map((f) => `${f.detector} ${f.path}`).sort()).toEqual([
      'generic-cli-flag .github/workflows/release.yml',
      'generic-url-param scripts/orders.py',
    ]);
    expect(run.stdout + run.stderr).not.toContain(cliKey.slice(4, 24));
    expect(run.stdout + run.stderr).not.toContain(urlKey.slice(4, 24));
  });
});
