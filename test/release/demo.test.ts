import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

// The README's Quick start for the App is `npm ci && npm run demo`: it compiles the emulator and the
// demo apart from the tests (scripts/tsconfig.demo.json), so a file the emulator needs at run time and
// the compiled tree lacks breaks it while every other test passes.
describe('npm run demo', () => {
  it("sweeps the emulator's org and opens the issues the README promises", () => {
    const run = spawnSync('npm', ['run', '--silent', 'demo'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
    expect(run.stderr).not.toMatch(/Error|ENOENT/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('key-hygiene-app: swept 3 repositories in 1 installations, 6 applied actions');
    expect(run.stdout).toMatch(/Rotate STRIPE_API_KEY \(production\): .*\[key-hygiene, overdue\]/);
  }, 300_000);
});
