// `npm run release` (maintainers): from a clean checkout of main, builds everything, packs
// key-hygiene-<version>.tgz, proves that the tarball installs into an empty folder and runs there
// (no TypeScript, no registry entry of ours), and tags a release commit — HEAD plus the built lib/ and
// lib-app/, so that installing from the tag needs no build — as v<version> and as the moving major
// tag v<major>; the tarball is packed from that commit. It pushes nothing: it prints what to push.
// See README, "Release (maintainers)".
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './prepare.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The committed bundles of the two actions (action.yml, sweep/action.yml): a tag must carry them fresh. */
const BUNDLES = ['dist', 'sweep/dist'];

const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/** Runs a command to completion, its output shown; throws with one line when it fails. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0)
    throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
}

/** Runs a command and returns what it printed, with its exit code. */
function capture(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { code: result.status, out: `${result.stdout}${result.stderr}`.trim() };
}

function checkCleanTree(version) {
  const dirty = git('status', '--porcelain');
  if (dirty)
    throw new Error(
      `the working tree has uncommitted changes (${dirty.split('\n').length} files): release from a clean checkout`,
    );
  if (spawnSync('git', ['rev-parse', '-q', '--verify', `refs/tags/v${version}`], { cwd: ROOT }).status === 0)
    throw new Error(`tag v${version} exists already: bump "version" in package.json and src/version.ts`);
  if (!readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8').includes(`## ${version} `))
    throw new Error(`CHANGELOG.md has no "## ${version} " section`);
}

function buildAll(version) {
  build(ROOT);
  run('npm', ['run', '--silent', 'bundle']);
  run('npm', ['run', '--silent', 'bundle:sweep']);
  const stale = BUNDLES.filter((dir) => spawnSync('git', ['diff', '--quiet', '--', dir], { cwd: ROOT }).status !== 0);
  if (stale.length) throw new Error(`${stale.join(' and ')} changed when rebundled: commit the fresh bundles first`);
  const shown = capture(process.execPath, ['bin/key-hygiene.js', '--version'], ROOT).out;
  if (shown !== version)
    throw new Error(`key-hygiene --version says "${shown}", package.json says "${version}": update src/version.ts`);
}

/** `npm pack` of the release commit's files (its package.json has no `prepare`), into the repository's root. */
function pack(commit) {
  const folder = mkdtempSync(join(tmpdir(), 'key-hygiene-pack-'));
  try {
    execFileSync('git', ['archive', '--format=tar', '-o', join(folder, 'release.tar'), commit], { cwd: ROOT });
    mkdirSync(join(folder, 'package'));
    execFileSync('tar', ['-xf', join(folder, 'release.tar'), '-C', join(folder, 'package')]);
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', ROOT], {
        cwd: join(folder, 'package'),
        encoding: 'utf8',
      }),
    );
    return join(ROOT, packed.filename);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The tarball into an empty folder, as a user would (`npm install <tgz>`), then the CLI and the App's CLI run from it. */
function checkTarball(tarball, version) {
  const folder = mkdtempSync(join(tmpdir(), 'key-hygiene-release-'));
  try {
    run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: folder });
    const typescript = capture('npm', ['ls', 'typescript', '--all', '--parseable'], folder).out;
    if (typescript)
      throw new Error(`the tarball pulled in TypeScript (${typescript.split('\n')[0]}): it should carry lib/ built`);
    const shown = capture('npx', ['--no-install', 'key-hygiene', '--version'], folder);
    if (shown.code !== 0 || shown.out !== version)
      throw new Error(
        `npx key-hygiene --version in the install said "${shown.out}" (exit ${shown.code}), expected "${version}"`,
      );
    mkdirSync(join(folder, 'clean'));
    writeFileSync(join(folder, 'clean', 'README.md'), 'Nothing secret here.\n');
    const clean = capture('npx', ['--no-install', 'key-hygiene', 'scan', 'clean'], folder);
    if (clean.code !== 0) throw new Error(`scan of a clean folder exited ${clean.code}: ${clean.out.split('\n')[0]}`);
    // A private key made now, never written anywhere but this temporary folder.
    const { privateKey } = generateKeyPairSync('ec', {
      namedCurve: 'prime256v1',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    mkdirSync(join(folder, 'leak'));
    writeFileSync(join(folder, 'leak', 'deploy.pem'), privateKey);
    const leak = capture('npx', ['--no-install', 'key-hygiene', 'scan', 'leak'], folder);
    if (leak.code !== 1 || !leak.out.includes('privatekey-pem'))
      throw new Error(`scan of a folder holding a private key exited ${leak.code} without finding it`);
    const app = capture('npx', ['--no-install', 'key-hygiene-app', 'sweep', '--once'], folder);
    if (app.code !== 2 || !app.out.includes('APP_ID'))
      throw new Error(`key-hygiene-app from the install did not start (exit ${app.code}): ${app.out.split('\n')[0]}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The release commit, on top of HEAD: the built lib/ and lib-app/ added (ignored on main), and no
 * `prepare` script — there is nothing left to build, and pre-commit 3.x reads the tarball's name from
 * what `npm pack` prints, which a script's banner spoils. main and the work tree are left as they are.
 */
function commitRelease(version) {
  const index = join(mkdtempSync(join(tmpdir(), 'key-hygiene-index-')), 'index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const gitIndexed = (...args) => execFileSync('git', args, { cwd: ROOT, env, encoding: 'utf8' }).trim();
  try {
    gitIndexed('read-tree', 'HEAD');
    gitIndexed('add', '--force', '--', 'lib', 'lib-app');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    delete manifest.scripts.prepare;
    const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], {
      cwd: ROOT,
      input: `${JSON.stringify(manifest, null, 2)}\n`,
      encoding: 'utf8',
    }).trim();
    gitIndexed('update-index', '--cacheinfo', `100644,${blob},package.json`);
    const tree = gitIndexed('write-tree');
    return git(
      'commit-tree',
      tree,
      '-p',
      'HEAD',
      '-m',
      `Release v${version}: the sources of ${git('rev-parse', '--short', 'HEAD')} with lib/ and lib-app/ built`,
    );
  } finally {
    rmSync(join(index, '..'), { recursive: true, force: true });
  }
}

/** v<version>, and the moving major tag v<major>, on the release commit. */
function tagRelease(version, commit) {
  const major = `v${version.split('.')[0]}`;
  git('tag', `v${version}`, commit);
  git('tag', '--force', major, commit);
  return major;
}

function release() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  checkCleanTree(version);
  buildAll(version);
  const commit = commitRelease(version);
  const tarball = pack(commit);
  checkTarball(tarball, version);
  const major = tagRelease(version, commit);
  process.stdout.write(
    [
      '',
      `${tarball.slice(ROOT.length).replace(/^\//, '')}: installs into an empty folder and runs (key-hygiene ${version}, no TypeScript).`,
      `Tagged v${version} and ${major} at ${commit.slice(0, 12)}: this commit plus lib/ and lib-app/ built, dist/ and sweep/dist/ fresh.`,
      'To publish:',
      `  git push origin v${version} && git push --force origin ${major}`,
      `  then attach ${tarball.slice(ROOT.length).replace(/^\//, '')} to the v${version} release on GitHub.`,
      '',
    ].join('\n'),
  );
}

try {
  release();
} catch (error) {
  process.stderr.write(`release: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
  process.exitCode = 1;
}
