import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';
import { runCli } from '../support/run-cli.js';

let repo: TestRepo;
afterEach(() => repo?.remove());

const scan = (...args: string[]) => runCli(['scan', '.', ...args], { cwd: repo.root, env: repo.env });

describe('key-hygiene scan (working tree)', () => {
  it('finds a key, prints it redacted and exits 1', () => {
    repo = createTestRepo();
    const key = makeKey('openai-project-key');
    repo.write('.gitignore', '.env*\n!.env.example\n');
    repo.write('app/config.py', `import os\nOPENAI_API_KEY = "${key}"\n`);
    repo.write('.env.example', 'OPENAI_API_KEY=sk-proj-your-key-here\n');
    repo.commit('add config');

    const run = scan();
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('app/config.py');
    expect(run.stdout).toContain(`sk-proj-…${key.slice(-4)}`);
    expect(run.stdout + run.stderr).not.toContain(key.slice(8, 40));
    expect(run.stdout).not.toContain('.env.example');
  });

  it('exits 0 with one calm line on a clean tree', () => {
    repo = createTestRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('README.md', '# nothing to see\n');
    const run = scan();
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/No keys found/);
  });

  it('honours .gitignore, flags a tracked .env file and a .gitignore that does not cover .env', () => {
    repo = createTestRepo();
    repo.write('.gitignore', 'secrets/\n');
    repo.write('secrets/key.txt', `${makeKey('github-token', 3)}\n`);
    repo.write('.env.production', 'DEBUG=1\n');
    repo.commit('env');
    const run = scan('--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { detector: string; path: string }) => `${f.detector} ${f.path}`)).toEqual([
      'hygiene-env-file .env.production',
    ]);
    expect(report.notices.map((n: { reason: string }) => n.reason)).toContain('gitignore');
    expect(run.code).toBe(1);
  });

  it('scans a single file named as the path', () => {
    repo = createTestRepo({ init: false });
    repo.write('deploy/settings.py', `OPENAI_API_KEY = "${makeKey('openai-admin-key', 12)}"\n`);
    const run = runCli(['scan', 'deploy/settings.py', '--format', 'json'], { cwd: repo.root, env: repo.env });
    expect(run.code).toBe(1);
    expect(
      JSON.parse(run.stdout).findings.map((f: { path: string; severity: string }) => [f.path, f.severity]),
    ).toEqual([['settings.py', 'critical']]);
  });

  it('writes SARIF with URIs relative to the scanned root', () => {
    repo = createTestRepo();
    repo.write('.gitignore', '.env\n');
    repo.write('deploy/values file.yaml', `openai:\n  apiKey: ${makeKey('openai-service-account-key', 5)}\n`);
    const run = scan('--format', 'sarif');
    const sarif = JSON.parse(run.stdout);
    const result = sarif.runs[0].results[0];
    expect(result.ruleId).toBe('openai-service-account-key');
    expect(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri)).toBe(
      'deploy/values file.yaml',
    );
    expect(result.locations[0].physicalLocation.region.startLine).toBe(2);
  });

  it('uses worker threads on larger trees and finds every key', () => {
    repo = createTestRepo({ init: false });
    for (let i = 0; i < 400; i++) repo.write(`src/m${i}.ts`, `export const n${i} = ${i};\n`);
    for (const i of [7, 211, 399])
      repo.write(`src/m${i}.ts`, `export const key = '${makeKey('openai-user-key', i)}';\n`);
    const run = scan('--format', 'json', '--workers', '2');
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { path: string }) => f.path).sort()).toEqual([
      'src/m211.ts',
      'src/m399.ts',
      'src/m7.ts',
    ]);
    expect(report.stats.files).toBe(400);
  });

  it('follows the config: path allowlist, disabled detector, custom detector, inline allow', () => {
    repo = createTestRepo({ init: false });
    repo.write(
      '.github/key-hygiene.yml',
      [
        'scan:',
        '  allow:',
        '    paths: ["fixtures/**"]',
        '  disable: [openai-user-key]',
        '  detectors:',
        '    - id: acme-internal-token',
        '      key-kind: Acme internal token',
        '      pattern: "acme_(?<secret>[a-z0-9]{24})"',
        '      keywords: [acme_]',
      ].join('\n'),
    );
    repo.write('fixtures/real.txt', `${makeKey('openai-project-key', 8)}\n`);
    repo.write('a.txt', `${makeKey('openai-user-key', 9)}\n`);
    repo.write('b.txt', 'token = acme_q8w7e6r5t4y3u2i1o9p8a7s6\n');
    repo.write('c.txt', `key = "${makeKey('openai-project-key', 10)}" # key-hygiene:allow (revoked test key)\n`);
    const report = JSON.parse(scan('--format', 'json').stdout);
    expect(report.findings.map((f: { detector: string; path: string }) => `${f.detector} ${f.path}`)).toEqual([
      'acme-internal-token b.txt',
    ]);
  });
});
