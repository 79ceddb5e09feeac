import { execFileSync, spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/probot-process.js';
import { makeKey } from '../support/make-keys.js';

// Installable as documented (README: the quick start, "Before each commit", "Run it as a service",
// "Release (maintainers)"). One snapshot of this working tree becomes a repository in a temp folder;
// `npm run release` runs there for real — it packs the tarball, installs it into an empty folder and
// tags v0.1.0 — and each way of installing is then tried from what it made: the tarball, the git tag
// (npm install -g), pre-commit at the tag, and the App server started as deploy/'s systemd unit does.
// Slow (builds, bundles, npm installs from the local npm cache): minutes, not seconds.

const ROOT = join(import.meta.dirname, '..', '..');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const MINUTES = 60_000;

let temp: string;
let repo: string;
let gitEnv: NodeJS.ProcessEnv;
let release: SpawnSyncReturns<string>;

/** git with no machine or user config of its own, file:// clones allowed (pre-commit clones the repository at `rev`). */
function isolatedGit(home: string): NodeJS.ProcessEnv {
  const config = join(home, 'gitconfig');
  writeFileSync(
    config,
    '[init]\n\tdefaultBranch = main\n[protocol "file"]\n\tallow = always\n[commit]\n\tgpgSign = false\n',
  );
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GIT_')));
  // HOME stays: npm keeps its cache there, and a fresh one would fetch every package again.
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: config,
    GIT_AUTHOR_NAME: 'Release Test',
    GIT_AUTHOR_EMAIL: 'release@example.test',
    GIT_COMMITTER_NAME: 'Release Test',
    GIT_COMMITTER_EMAIL: 'release@example.test',
  };
}

const run = (command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = gitEnv) =>
  spawnSync(command, args, { cwd, env, encoding: 'utf8' });
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, env: gitEnv, encoding: 'utf8' }).trim();

/** This working tree as it is (tracked and new files, not ignored ones) committed in a new repository, with node_modules hard-linked in. */
function snapshotWorkingTree(into: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && existsSync(join(ROOT, file)));
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(ROOT, file), join(into, file));
  }
  // The same paths as a clone's own node_modules (ncc's module ids depend on them); hard links cost nothing.
  const linked = spawnSync('cp', ['-al', join(ROOT, 'node_modules'), join(into, 'node_modules')]);
  if (linked.status !== 0) cpSync(join(ROOT, 'node_modules'), join(into, 'node_modules'), { recursive: true });
  git(into, 'init', '--quiet');
  git(into, 'add', '--all');
  git(into, 'commit', '--quiet', '-m', 'snapshot of the working tree');
}

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'kh-release-'));
  gitEnv = isolatedGit(temp);
  repo = join(temp, 'key-hygiene');
  mkdirSync(repo);
  snapshotWorkingTree(repo);
  release = run('npm', ['run', 'release'], repo);
}, 15 * MINUTES);
afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
}, 5 * MINUTES);

describe('npm run release', () => {
  it('packs the tarball, checks it installs and runs, tags v<version> and v0 on a commit carrying the built code, and says what to push', () => {
    expect(release.stderr).not.toMatch(/^release:/m);
    expect(release.status).toBe(0);
    expect(release.stdout).toContain(
      `key-hygiene-${VERSION}.tgz: installs into an empty folder and runs (key-hygiene ${VERSION}, no TypeScript).`,
    );
    expect(release.stdout).toContain(`git push origin v${VERSION} && git push --force origin v0`);
    expect(existsSync(join(repo, `key-hygiene-${VERSION}.tgz`))).toBe(true);

    const tagged = git(repo, 'rev-parse', `v${VERSION}^{commit}`);
    expect(git(repo, 'rev-parse', 'v0^{commit}')).toBe(tagged);
    expect(git(repo, 'rev-parse', `${tagged}^`)).toBe(git(repo, 'rev-parse', 'HEAD'));
    const files = git(repo, 'ls-tree', '-r', '--name-only', tagged).split('\n');
    for (const built of [
      'lib/cli.js',
      'lib-app/app/index.js',
      'lib-app/app/cli/main.js',
      'dist/index.js',
      'sweep/dist/index.js',
      'sweep/action.yml',
      'action.yml',
    ])
      expect(files).toContain(built);
    const manifest = JSON.parse(git(repo, 'show', `${tagged}:package.json`)) as { scripts: Record<string, string> };
    expect(manifest.scripts.prepare).toBeUndefined();
    // main and its work tree are as they were.
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  it(
    'refuses a second release of the same version, in one line',
    () => {
      const again = run('npm', ['run', '--silent', 'release'], repo);
      expect(again.status).toBe(1);
      expect(again.stderr.trim()).toBe(
        `release: tag v${VERSION} exists already: bump "version" in package.json and src/version.ts`,
      );
    },
    2 * MINUTES,
  );
});

describe('installing a release', () => {
  it(
    'npm install <tarball> in an empty folder: npx key-hygiene scans there, with no TypeScript, and the App server starts as the systemd unit starts it, /healthz answering',
    async () => {
      // As deploy/key-hygiene-app.service (in the tarball) says: the tarball installed into its folder (here instead of /opt/key-hygiene).
      const folder = join(temp, 'opt-key-hygiene');
      mkdirSync(folder);
      const install = run(
        'npm',
        ['install', '--omit=dev', '--no-audit', '--no-fund', join(repo, `key-hygiene-${VERSION}.tgz`)],
        folder,
      );
      expect(install.status, install.stderr).toBe(0);
      expect(existsSync(join(folder, 'node_modules', 'typescript'))).toBe(false);
      expect(run('npx', ['--no-install', 'key-hygiene', '--version'], folder).stdout.trim()).toBe(VERSION);
      mkdirSync(join(folder, 'project'));
      writeFileSync(join(folder, 'project', 'settings.py'), `OPENAI_API_KEY = "${makeKey('openai-project-key')}"\n`);
      const scan = run('npx', ['--no-install', 'key-hygiene', 'scan', 'project'], folder);
      expect(scan.status).toBe(1);
      expect(scan.stdout).toMatch(/settings\.py[\s\S]*openai-project-key/);
      expect(scan.stdout).not.toContain(makeKey('openai-project-key'));

      const deploy = join(folder, 'node_modules', 'key-hygiene', 'deploy');
      const unit = readFileSync(join(deploy, 'key-hygiene-app.service'), 'utf8');
      const setting = (name: string) =>
        new RegExp(`^${name}=(.*)$`, 'm').exec(unit)![1]!.replaceAll('/opt/key-hygiene', folder);
      const [command, ...args] = setting('ExecStart').split(' ');
      const env = readFileSync(join(deploy, 'key-hygiene-app.env'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => line.split(/=(.*)/s) as [string, string]);
      const { privateKey } = generateKeyPairSync('rsa', {
        modulusLength: 2048,
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
        publicKeyEncoding: { type: 'spki', format: 'pem' },
      });
      const port = await freePort();
      const server = spawn(command!, args, {
        cwd: setting('WorkingDirectory'),
        env: {
          PATH: process.env.PATH,
          ...Object.fromEntries(env),
          APP_ID: '12345',
          WEBHOOK_SECRET: 'release-test',
          PRIVATE_KEY: privateKey,
          PORT: String(port),
          KEY_HYGIENE_SWEEP_EVERY: 'off',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const output: string[] = [];
      server.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      server.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      try {
        let health: Response | undefined;
        for (const deadline = Date.now() + 2 * MINUTES; !health && Date.now() < deadline && server.exitCode === null;) {
          health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
          if (!health) await new Promise((resolve) => setTimeout(resolve, 250));
        }
        expect(health?.status, output.join('')).toBe(200);
        expect(await health!.json()).toMatchObject({ status: 'ok', redis: 'absent' });
      } finally {
        server.kill('SIGTERM');
        await new Promise((resolve) => (server.exitCode === null ? server.once('exit', resolve) : resolve(undefined)));
      }
    },
    10 * MINUTES,
  );

  it(
    'npm install -g git+file://<clone>#v<version> works with no TypeScript and no build',
    () => {
      const prefix = join(temp, 'global');
      const install = run(
        'npm',
        [
          'install',
          '-g',
          '--install-links',
          '--no-audit',
          '--no-fund',
          '--prefix',
          prefix,
          `git+file://${repo}#v${VERSION}`,
        ],
        temp,
      );
      expect(install.status, install.stderr).toBe(0);
      expect(run(join(prefix, 'bin', 'key-hygiene'), ['--version'], temp).stdout.trim()).toBe(VERSION);
      expect(existsSync(join(prefix, 'lib', 'node_modules', 'key-hygiene', 'node_modules', 'typescript'))).toBe(false);
    },
    10 * MINUTES,
  );
});

const preCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });

describe.skipIf(preCommit.status !== 0)(
  `pre-commit (${preCommit.stdout?.trim() || 'not on PATH: apt-get install pre-commit, as .ci/run does'}) at the tag`,
  () => {
    it(
      'refuses a commit that adds a key and lets a clean one through',
      () => {
        const project = join(temp, 'project');
        mkdirSync(project);
        git(project, 'init', '--quiet');
        writeFileSync(
          join(project, '.pre-commit-config.yaml'),
          `repos:\n  - repo: ${repo}\n    rev: v${VERSION}\n    hooks:\n      - id: key-hygiene\n`,
        );
        const env = { ...gitEnv, PRE_COMMIT_HOME: join(temp, 'pre-commit-home') };
        const installed = run('pre-commit', ['install'], project, env);
        expect(installed.status, installed.stdout + installed.stderr).toBe(0);

        const key = makeKey('openai-project-key', 17);
        writeFileSync(join(project, 'config.py'), `OPENAI_API_KEY = "${key}"\n`);
        git(project, 'add', '.pre-commit-config.yaml', 'config.py');
        // The first commit installs the hook's environment (pre-commit's npm install of the tag): the slow part.
        const refused = run('git', ['commit', '-m', 'add config'], project, env);
        const said = refused.stdout + refused.stderr;
        expect(refused.status, said).not.toBe(0);
        expect(said).toMatch(/key-hygiene \(leaked API keys\)\.+Failed/);
        expect(said).toMatch(/config\.py[\s\S]*openai-project-key/);
        expect(said).not.toContain(key);
        expect(() => git(project, 'rev-parse', '--verify', '-q', 'HEAD')).toThrow();

        git(project, 'rm', '--cached', '--quiet', 'config.py');
        writeFileSync(join(project, 'README.md'), 'Nothing secret here.\n');
        git(project, 'add', 'README.md');
        const passed = run('git', ['commit', '-m', 'add readme'], project, env);
        expect(passed.status, passed.stdout + passed.stderr).toBe(0);
        expect(passed.stdout + passed.stderr).toMatch(/key-hygiene \(leaked API keys\)\.+Passed/);
      },
      15 * MINUTES,
    );
  },
);
