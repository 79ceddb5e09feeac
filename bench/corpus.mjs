// The benchmark inputs, made on first use and kept outside the repository (they are not ours).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Real published packages, pinned so figures compare across runs (~450 MB, mostly GitHub's OpenAPI description). */
export const CORPUS_PACKAGES = [
  'typescript@7.0.2',
  'lodash@4.18.1',
  'react-dom@19.3.1',
  'express@5.3.0',
  '@aws-sdk/client-s3@3.1175.0',
  '@octokit/openapi@23.0.2',
];
export const PEER_PACKAGES = ['secretlint@13.0.6', '@secretlint/secretlint-rule-preset-recommend@13.1.0'];

function npmInstall(dir, packages) {
  mkdirSync(dir, { recursive: true });
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  console.error(`bench: installing ${packages.join(' ')} into ${dir} …`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...packages], { cwd: dir, stdio: 'inherit' });
}

export function ensureCorpus(base) {
  const dir = join(base, 'corpus');
  if (!existsSync(join(dir, 'node_modules', '@octokit', 'openapi'))) npmInstall(dir, CORPUS_PACKAGES);
  return dir;
}

export function ensurePeers(base) {
  const dir = join(base, 'tools');
  if (!existsSync(join(dir, 'node_modules', '.bin', 'secretlint'))) npmInstall(dir, PEER_PACKAGES);
  writeFileSync(
    join(dir, '.secretlintrc.json'),
    JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }),
  );
  return dir;
}

/** ripgrep from Debian's package when it is missing (the bench runs as root on these machines). */
export function ensureRipgrep() {
  if (spawnSync('rg', ['--version']).status === 0) return 'rg';
  console.error('bench: installing ripgrep (apt-get) …');
  spawnSync('apt-get', ['install', '-y', '-qq', 'ripgrep'], { stdio: 'ignore' });
  return spawnSync('rg', ['--version']).status === 0 ? 'rg' : undefined;
}

/** Total bytes of the regular files under a folder. */
export function treeBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += statSync(join(e.parentPath ?? e.path, e.name)).size;
  }
  return total;
}

/**
 * A repository with `count` commits built with git fast-import from the corpus's JavaScript: each
 * commit rewrites three of 200 files with another real file's content, and a few commits plant a
 * key made at run time (so the scan has something to find).
 */
const FILES_PER_COMMIT = 3;

export function ensureHistoryRepo(base, corpus, count, makeKey) {
  const dir = join(base, `history-${count}`);
  if (existsSync(join(dir, '.git', 'kh-ready'))) return dir;
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const sources = readdirSync(join(corpus, 'node_modules'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .filter((p) => statSync(p).size < 64 * 1024)
    .slice(0, 4000);
  const chunks = [];
  for (let i = 1; i <= count; i++) {
    const message = `change ${i}`;
    const when = 1_700_000_000 + i * 600;
    chunks.push(
      `commit refs/heads/main\nmark :${i}\nauthor Bench <bench@example.test> ${when} +0000\ncommitter Bench <bench@example.test> ${when} +0000\n`,
      `data ${Buffer.byteLength(message)}\n${message}\n`,
      i > 1 ? `from :${i - 1}\n` : '',
    );
    for (let f = 0; f < FILES_PER_COMMIT; f++) {
      let content = readFileSync(sources[(i * 7 + f * 13) % sources.length], 'utf8');
      if (f === 0 && i % 400 === 0) content += `\nconst apiKey = "${makeKey(i)}";\n`;
      const path = `src/${relative(corpus, sources[(i + f * 67) % 200])
        .replace(/[^A-Za-z0-9/._-]/g, '_')
        .split('/')
        .slice(-2)
        .join('-')}`;
      chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(content)}\n${content}\n`);
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  writeFileSync(join(dir, '.git', 'kh-ready'), '');
  return dir;
}
