import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestRepo, type TestRepo } from '../support/git-repo.js';
import { makeKey } from '../support/make-keys.js';

const BIN = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));
/** Generous: the scans below take well under a second; on RegExp they ran for hours. */
const DEADLINE_MS = 60_000;

let repo: TestRepo;
afterEach(() => repo?.remove());

/** The built CLI in the folder, killed if it runs past the deadline (a hang fails the test, not the suite). */
function scan(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, 'scan', '.', ...args], {
    cwd: repo.root,
    env: { ...repo.env, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: DEADLINE_MS,
    killSignal: 'SIGKILL',
  });
  expect(run.signal, 'the scan did not finish').toBeNull();
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const detectorConfig = (pattern: string) =>
  ['scan:', '  detectors:', '    - id: acme-token', '      key-kind: Acme token', `      pattern: '${pattern}'`].join(
    '\n',
  );

describe('key-hygiene scan with a hostile config', () => {
  it("finishes on the issue's hostile detector pattern and still finds the keys", () => {
    repo = createTestRepo({ init: false });
    const openai = makeKey('openai-project-key', 11);
    repo.write('.github/key-hygiene.yml', `${detectorConfig('acme_(?<secret>(\\w+)+)!')}\n`);
    repo.write(
      'settings.py',
      [
        `TOKEN = "acme_${'a'.repeat(40)}"`,
        `BIG = "acme_${'a'.repeat(1_000_000)}"`,
        'ACME = "acme_q8w7e6r5t4y3u2i1o9p8!"',
        `OPENAI_API_KEY = "${openai}"`,
      ].join('\n'),
    );
    const run = scan('--format', 'json');
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout).findings.map(
      (f: { detector: string; line: number }) => `${f.detector}:${f.line}`,
    );
    expect(findings).toEqual(['acme-token:3', 'openai-project-key:4']);
  });

  it("finishes on the issue's hostile allow regex, which allows nothing here", () => {
    repo = createTestRepo({ init: false });
    const openai = makeKey('openai-project-key', 12);
    repo.write('.github/key-hygiene.yml', "scan:\n  allow:\n    regexes: ['([A-Za-z0-9]+)+-$']\n");
    repo.write('.env.production', `OPENAI_API_KEY=${openai}\n`);
    const run = scan('--format', 'json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { detector: string }) => f.detector)).toContain(
      'openai-project-key',
    );
  });

  it('refuses a pattern RE2 cannot run in one line naming the field and the pattern', () => {
    repo = createTestRepo({ init: false });
    repo.write('.github/key-hygiene.yml', `${detectorConfig('(?<=acme_)(?<secret>\\w{24})')}\n`);
    const run = scan();
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `key-hygiene: .github/key-hygiene.yml: field 'scan.detectors.0.pattern' is "(?<=acme_)(?<secret>\\\\w{24})": look-around and back-references are not supported (RE2 syntax)`,
    );
  });

  it('masks a key pasted into a config field in its error', () => {
    repo = createTestRepo({ init: false });
    const github = makeKey('github-token', 13);
    const openai = makeKey('openai-project-key', 13);
    repo.write('.github/key-hygiene.yml', `rotate-every: ${github}\n`);
    const first = scan();
    expect(first.code).toBe(2);
    expect(first.stderr).toContain("field 'rotate-every' is \"…");
    expect(first.stderr).not.toContain(github.slice(4, 30));
    repo.write('.github/key-hygiene.yml', `keys:\n  - secret: OPENAI_API_KEY\n    rotate-every: "${openai}"\n`);
    const second = scan();
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("field 'keys.0.rotate-every' is \"…");
    expect(second.stderr).not.toContain(openai.slice(8, 30));
  });
});
