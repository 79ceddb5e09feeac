import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { runScan } from '../../src/scan/run-scan.js';
import { commitsSource } from '../../src/sources/commits-source.js';
import { treeSource } from '../../src/sources/tree-source.js';
import { useTestRepos } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';

const newRepo = useTestRepos();

// onSecret is the one way a raw secret leaves the engine: to be masked (the Action's core.setSecret).
describe('runScan onSecret', () => {
  it('hands each reported secret, raw, to the callback in a tree scan, including one found inside base64', async () => {
    const repo = newRepo({ init: false });
    const plain = makeKey('openai-project-key', 31);
    const encoded = makeKey('openai-project-key', 32);
    repo.write('.env', `OPENAI_API_KEY=${plain}\n`);
    repo.write(
      'k8s/secret.yaml',
      `kind: Secret\ndata:\n  OPENAI_API_KEY: ${Buffer.from(encoded).toString('base64')}\n`,
    );
    const secrets: string[] = [];

    const result = await runScan({
      source: treeSource(repo.root),
      config: defaultConfig,
      onSecret: (s) => secrets.push(s),
    });

    expect(result.findings).toHaveLength(2);
    expect(secrets.sort()).toEqual([plain, encoded].sort());
    expect(JSON.stringify(result)).not.toContain(plain);
  });

  it('hands over the secrets of a commits scan, and none that were not reported', async () => {
    const repo = newRepo();
    const key = makeKey('openai-project-key', 33);
    repo.write('README.md', 'placeholder: sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n');
    const base = repo.commit('init');
    repo.write('app.env', `OPENAI_API_KEY=${key}\n`);
    const head = repo.commit('leak');
    const secrets: string[] = [];

    await runScan({
      source: commitsSource(repo.root, { include: [head], exclude: [base] }),
      config: defaultConfig,
      onSecret: (s) => secrets.push(s),
    });

    expect(secrets).toEqual([key]);
  });
});
