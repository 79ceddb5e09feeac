import { afterEach, describe, expect, it } from 'vitest';
import type { Log } from 'sarif';
import { ALNUM } from '../../src/detectors/alphabets.js';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';
import { seededRng } from '../support/seeded-rng.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const scan = (...args: string[]) => runCli(['scan', '.', ...args], { cwd: repo.root, env: repo.env });

const github = makeKey('github-token', 3);
const openai = makeKey('openai-project-key', 3);
const password = seededRng(9).string(`${ALNUM}#!@`, 18);

/** One key of each confidence: a checksummed GitHub token, an OpenAI key's format, a password only its name gives away. */
function repoWithEachConfidence(config?: string): TestRepo {
  const r = createTestRepo();
  r.write('.gitignore', '.env\n');
  r.write('ci/deploy.sh', `export GITHUB_TOKEN=${github}\n`);
  r.write('app/llm.py', `OPENAI_API_KEY = "${openai}"\n`);
  r.write('app/db.py', `db_password = "${password}"\n`);
  if (config !== undefined) r.write('.github/key-hygiene.yml', config);
  r.commit('three kinds of leak');
  return r;
}

describe('key-hygiene scan: confidence', () => {
  it('shows how sure each finding is, and keeps all of them by default', () => {
    repo = repoWithEachConfidence();
    const run = scan();
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/github-token +high confidence$/m);
    expect(run.stdout).toMatch(/openai-project-key +medium confidence$/m);
    expect(run.stdout).toMatch(/generic-secret +low confidence$/m);
    expect(run.stdout).toMatch(/^3 findings in 3 files · scanned/m);
    expect(run.stdout).not.toContain('not shown');

    const json = JSON.parse(scan('--format', 'json').stdout);
    expect(json.findings.map((f: { detector: string; confidence: string }) => [f.detector, f.confidence])).toEqual([
      ['generic-secret', 'low'],
      ['openai-project-key', 'medium'],
      ['github-token', 'high'],
    ]);
    expect(json.stats.belowConfidence).toBeUndefined();

    const log = JSON.parse(scan('--format', 'sarif').stdout) as Log;
    const results = log.runs[0]!.results!;
    expect(results.map((r) => [r.ruleId, r.properties?.confidence])).toEqual([
      ['generic-secret', 'low'],
      ['openai-project-key', 'medium'],
      ['github-token', 'high'],
    ]);
    const rules = new Map(log.runs[0]!.tool.driver.rules!.map((r) => [r.id, r.properties?.precision]));
    expect([rules.get('github-token'), rules.get('openai-project-key'), rules.get('generic-secret')]).toEqual([
      'high',
      'medium',
      'low',
    ]);
  });

  it('--min-confidence drops the less sure findings before the exit code and counts them, values unshown', () => {
    repo = repoWithEachConfidence();
    const medium = scan('--min-confidence', 'medium');
    expect(medium.code).toBe(1);
    expect(medium.stdout).toContain('openai-project-key');
    expect(medium.stdout).toContain('github-token');
    expect(medium.stdout).not.toContain('app/db.py');
    expect(medium.stdout).not.toContain(password.slice(-4));
    expect(medium.stdout).toMatch(/^2 findings in 2 files · 1 below medium confidence not shown · scanned/m);

    const high = JSON.parse(scan('--min-confidence', 'high', '--format', 'json').stdout);
    expect(high.findings.map((f: { detector: string }) => f.detector)).toEqual(['github-token']);
    expect(high.stats.belowConfidence).toEqual({ min: 'high', hidden: 2 });

    const sarif = JSON.parse(scan('--min-confidence', 'high', '--format', 'sarif').stdout) as Log;
    expect(sarif.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['github-token']);
    expect(sarif.runs[0]!.invocations![0]!.properties!.belowConfidence).toEqual({ min: 'high', hidden: 2 });

    expect(scan('--min-confidence', 'low').stdout).toMatch(/^3 findings in 3 files · scanned/m);

    const list = runCli(['detectors'], { cwd: repo.root, env: repo.env }).stdout;
    expect(list).toMatch(/^github-token +critical +high +GitHub token$/m);
    expect(list).toMatch(/^generic-secret +\w+ +low /m);
  });

  it('passes when every finding is below the bar, and says how many it did not show', () => {
    repo = createTestRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('app/db.py', `db_password = "${password}"\n`);
    repo.commit('a password');
    const run = scan('--min-confidence', 'medium');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^No keys found · 1 below medium confidence not shown · scanned 2 files/);
  });

  it('reads scan.min-confidence from the config, and the flag wins over it', () => {
    repo = repoWithEachConfidence('scan:\n  min-confidence: high\n');
    const fromConfig = JSON.parse(scan('--format', 'json').stdout);
    expect(fromConfig.findings.map((f: { detector: string }) => f.detector)).toEqual(['github-token']);
    const flagWins = JSON.parse(scan('--format', 'json', '--min-confidence', 'low').stdout);
    expect(flagWins.findings).toHaveLength(3);
    expect(flagWins.stats.belowConfidence).toBeUndefined();
  });

  it('applies to --staged, as the pre-commit hook runs it', () => {
    repo = createTestRepo();
    repo.write('README.md', '# app\n');
    repo.commit('start');
    repo.write('app/db.py', `db_password = "${password}"\n`);
    repo.write('app/llm.py', `OPENAI_API_KEY = "${openai}"\n`);
    repo.git('add', 'app');
    const strict = scan('--staged', '--min-confidence', 'high');
    expect(strict.code).toBe(0);
    expect(strict.stdout).toMatch(/^No keys found · 2 below high confidence not shown/);
    const all = scan('--staged');
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^2 findings in 2 files/m);
  });

  it('a baseline records every finding with its confidence; the bar counts only what the baseline did not accept', () => {
    repo = repoWithEachConfidence();
    const made = runCli(['baseline', '.'], { cwd: repo.root, env: repo.env });
    expect(made.code).toBe(0);
    const baseline = JSON.parse(made.stdout);
    expect(baseline.findings.map((f: { detector: string; confidence: string }) => [f.detector, f.confidence])).toEqual([
      ['generic-secret', 'low'],
      ['openai-project-key', 'medium'],
      ['github-token', 'high'],
    ]);
    repo.write('.key-hygiene-baseline.json', made.stdout);
    repo.write('app/more.py', `api_password = "${seededRng(10).string(`${ALNUM}#!@`, 18)}"\n`);
    const run = scan('--baseline', '.key-hygiene-baseline.json', '--min-confidence', 'medium');
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^No keys found · 1 below medium confidence not shown · scanned/);
  });

  it('refuses a bad value in one line with exit 2, from the flag or the config', () => {
    repo = repoWithEachConfidence();
    const bad = scan('--min-confidence', 'certain');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')[0]).toBe("key-hygiene: --min-confidence 'certain' is not one of high, medium, low");

    const hostile = scan('--min-confidence', 'x\u001b]0;pwned\u0007\u001b[2J');
    expect(hostile.code).toBe(2);
    expect(hostile.stderr).not.toContain('\u001b');
    expect(hostile.stderr).toContain('\\x1b]0;pwned');

    const missing = scan('--min-confidence');
    expect(missing.code).toBe(2);

    const baseline = runCli(['baseline', '.', '--min-confidence', 'high'], { cwd: repo.root, env: repo.env });
    expect(baseline.code).toBe(2);
    expect(baseline.stderr.split('\n')[0]).toBe('key-hygiene: --min-confidence is for scan, not baseline');

    repo.write('.github/key-hygiene.yml', 'scan:\n  min-confidence: sure\n');
    const config = scan();
    expect(config.code).toBe(2);
    expect(config.stdout).toBe('');
    expect(config.stderr.trim().split('\n')).toHaveLength(1);
    expect(config.stderr).toMatch(/min-confidence/);
  });
});
