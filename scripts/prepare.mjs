// npm's `prepare`: builds lib/ (the CLI) and lib-app/ (the App) unless they are already built from
// these very sources. npm runs `prepare` more often than a build is needed:
// - `npx key-hygiene` in a clone links the clone into npx's cache and runs `prepare` again, which
//   made the first scan after `npm ci` take 15–25 s rebuilding what `npm ci` had just built;
// - installing from git (`npm install -g git+…`, and pre-commit's node hooks, which do just that) runs
//   it in a clone whose devDependencies npm does not install for a global install — no TypeScript —
//   so a release tag carries lib/ and lib-app/ (scripts/release.mjs) and this uses them as they are.
// "Built from these sources" is a hash of the compiler's inputs kept beside the output, not file
// times: a fresh clone or checkout gives every file the same new time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What tsconfig.build.json and tsconfig.app.json compile, and the settings they compile it with. */
const INPUT_DIRS = ['src', 'app'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'tsconfig.app.json'];
/** The entry points bin/ loads: their absence means no build, whatever the stamp says. */
const OUTPUTS = ['lib/cli.js', 'lib/cli-bundle/index.js', 'lib-app/app/index.js', 'lib-app/app/cli/main.js'];
export const STAMP = 'lib/.build-inputs';

/** SHA-256 over the path and bytes of every compiler input, in a stable order. */
export function hashInputs(root = ROOT) {
  const hash = createHash('sha256');
  const files = [
    ...INPUT_FILES,
    ...INPUT_DIRS.flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) =>
          join(entry.parentPath ?? entry.path, entry.name)
            .slice(root.length)
            .replace(/^[/\\]+/, '')
            .split('\\')
            .join('/'),
        ),
    ),
  ].sort();
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

/** Whether lib/ and lib-app/ are there and were built from the sources as they are now. */
export function isBuilt(root = ROOT) {
  if (!OUTPUTS.every((file) => existsSync(join(root, file)))) return false;
  const stamp = existsSync(join(root, STAMP)) ? readFileSync(join(root, STAMP), 'utf8').trim() : '';
  return stamp === hashInputs(root);
}

/** Builds both, then records what they were built from. Throws with one line when a build fails. */
export function build(root = ROOT) {
  for (const script of ['build', 'build:app']) {
    const run = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`npm run ${script} failed (exit ${run.status ?? run.signal})`);
  }
  writeFileSync(join(root, STAMP), `${hashInputs(root)}\n`);
}

function prepare() {
  if (isBuilt()) return;
  // Only this package's own TypeScript will do: a global tsc would compile without the @types the build needs.
  if (!existsSync(join(ROOT, 'node_modules', 'typescript', 'package.json'))) {
    throw new Error(
      'lib/ is not built from these sources and TypeScript is not installed here: run `npm ci` in a clone, or install a release (a v* tag or its .tgz), which carries lib/ built',
    );
  }
  build();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    prepare();
  } catch (error) {
    process.stderr.write(`key-hygiene prepare: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
