import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/policy/default-config.js';
import { runScan } from '../../src/scan/run-scan.js';
import { historySource } from '../../src/sources/history-source.js';
import { useTestRepos } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

const newRepo = useTestRepos();

/** A repository whose first commits hold a key removed since, and a `git clone --depth` of it. */
function leakyRepoAndClone(depth: number) {
  const dev = newRepo();
  dev.write('config.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 41)}\n`);
  dev.commit('a leak');
  dev.write('config.env', 'OPENAI_API_KEY=\n');
  dev.commit('remove it');
  for (let i = 0; i < 3; i++) {
    dev.write(`src/f${i}.ts`, `export const n = ${i};\n`);
    dev.commit(`clean ${i}`);
  }
  const clone = join(dev.root, '..', 'clone');
  const args = ['clone', '--quiet', ...(depth > 0 ? ['--depth', String(depth)] : []), `file://${dev.root}`, clone];
  execFileSync('git', args, { env: dev.env, stdio: 'ignore' });
  const git = (...a: string[]) => execFileSync('git', a, { cwd: clone, env: dev.env, encoding: 'utf8' }).trim();
  return { dev, clone, git, cli: (...a: string[]) => runCli(['scan', '.', ...a], { cwd: clone, env: dev.env }) };
}

describe('a git scan of a shallow clone', () => {
  it('says the history before the boundary was not scanned, in text, JSON and SARIF', () => {
    const { git, cli } = leakyRepoAndClone(2);
    const boundary = git('rev-parse', 'HEAD~1');
    const message = `shallow clone: history before ${boundary.slice(0, 7)} not scanned; fetch it with \`git fetch --unshallow\``;

    const text = cli('--history');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(message);

    const json = JSON.parse(cli('--history', '--format', 'json').stdout);
    expect(json.notices).toEqual([{ path: '', reason: 'shallow', message }]);
    expect(json.stats.skipped).toBe(0);

    const sarif = JSON.parse(cli('--history', '--format', 'sarif').stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([
      expect.objectContaining({ descriptor: { id: 'shallow' }, message: { text: message } }),
    ]);
  });

  it('gives the boundary in the scan stats, and nothing once the clone is whole', async () => {
    const { clone, git } = leakyRepoAndClone(1);
    const shallow = await runScan({ source: historySource(clone), config: defaultConfig });
    expect(shallow.stats.shallowBoundary).toEqual([git('rev-parse', 'HEAD')]);
    expect(shallow.findings).toEqual([]);

    git('fetch', '--quiet', '--unshallow');
    const whole = await runScan({ source: historySource(clone), config: defaultConfig });
    expect(whole.notices).toEqual([]);
    expect(whole.stats.shallowBoundary).toBeUndefined();
    expect(whole.findings.map((f) => f.path)).toEqual(['config.env']);
  });

  it('--range: a note when the range runs into the boundary, none when the clone holds it, a hint when a bound is missing', () => {
    const { dev, git, cli } = leakyRepoAndClone(2);
    dev.git('branch', 'old', 'HEAD~4'); // the leak commit: an old branch a range may start from
    git('fetch', '--quiet', '--depth', '1', 'origin', 'old:old');
    const notices = (range: string) => JSON.parse(cli('--range', range, '--format', 'json').stdout).notices;
    expect(notices('HEAD~1..HEAD')).toEqual([]);
    // From `old` git walks HEAD down to the boundary without meeting it: what lies between is not here.
    expect(notices('old..HEAD')).toEqual([
      expect.objectContaining({
        reason: 'shallow',
        message: expect.stringContaining(`history before ${git('rev-parse', '--short=7', 'HEAD~1')} not scanned`),
      }),
    ]);
    const missing = cli('--range', 'HEAD~4..HEAD');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "unknown revision 'HEAD~4' in range 'HEAD~4..HEAD' (this clone is shallow: fetch the history with `git fetch --unshallow`)",
    );
  });

  it('says nothing for a complete clone, nor for --staged in a shallow one', () => {
    expect(JSON.parse(leakyRepoAndClone(0).cli('--history', '--format', 'json').stdout).notices).toEqual([]);
    const { clone, cli } = leakyRepoAndClone(1);
    execFileSync('git', ['-C', clone, 'rm', '--quiet', 'src/f0.ts']);
    expect(JSON.parse(cli('--staged', '--format', 'json').stdout).notices).toEqual([]);
  });
});
