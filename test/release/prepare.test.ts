import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// npm runs `prepare` on `npm ci`, before `npm pack`, for an install from git, and each time npx links
// a clone to run its own bin — the first `npx key-hygiene scan .` after `npm ci` rebuilt everything
// (15–25 s). scripts/prepare.mjs builds only when lib/ and lib-app/ are not built from the sources as
// they are. Here: a copy of the package without node_modules (no TypeScript), as npx or a git install sees it.

const ROOT = join(import.meta.dirname, '..', '..');
let copy: string;

beforeEach(() => {
  copy = mkdtempSync(join(tmpdir(), 'kh-prepare-'));
  for (const path of [
    'package.json',
    'scripts/prepare.mjs',
    'src',
    'app',
    'tsconfig.json',
    'tsconfig.build.json',
    'tsconfig.app.json',
  ])
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  for (const output of ['lib/cli.js', 'lib/cli-bundle/index.js', 'lib-app/app/index.js', 'lib-app/app/cli/main.js']) {
    mkdirSync(join(copy, output, '..'), { recursive: true });
    writeFileSync(join(copy, output), '// built\n');
  }
});
afterEach(() => rmSync(copy, { recursive: true, force: true }));

const prepare = () => spawnSync('npm', ['run', '--silent', 'prepare'], { cwd: copy, encoding: 'utf8' });

describe('npm run prepare', () => {
  it('does nothing when lib/ and lib-app/ were built from these sources: no TypeScript needed, nothing rewritten', async () => {
    const { hashInputs, STAMP } = (await import(join(copy, 'scripts', 'prepare.mjs'))) as {
      hashInputs(root: string): string;
      STAMP: string;
    };
    writeFileSync(join(copy, STAMP), `${hashInputs(copy)}\n`);
    const before = statSync(join(copy, 'lib', 'cli.js')).mtimeMs;
    const run = prepare();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(statSync(join(copy, 'lib', 'cli.js')).mtimeMs).toBe(before);
  });

  it('builds when a source changed since — and without TypeScript says so in one line, exit 1', async () => {
    const { hashInputs, STAMP } = (await import(join(copy, 'scripts', 'prepare.mjs'))) as {
      hashInputs(root: string): string;
      STAMP: string;
    };
    writeFileSync(join(copy, STAMP), `${hashInputs(copy)}\n`);
    writeFileSync(join(copy, 'src', 'version.ts'), "export const VERSION = '9.9.9';\n");
    const run = prepare();
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'key-hygiene prepare: lib/ is not built from these sources and TypeScript is not installed here: run `npm ci` in a clone, or install a release (a v* tag or its .tgz), which carries lib/ built',
    );
  });

  it('builds when there is no record of what lib/ was built from', () => {
    expect(prepare().status).toBe(1);
  });
});
