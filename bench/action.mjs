// Cold start of the bundled Action (dist/index.js) on a 10-commit push, set up like a runner does it:
// a bare "origin", a workspace fetched at depth 1 (actions/checkout's default), the push payload.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ZERO = '0'.repeat(40);

function git(cwd, ...args) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Bench',
      GIT_AUTHOR_EMAIL: 'bench@example.test',
      GIT_COMMITTER_NAME: 'Bench',
      GIT_COMMITTER_EMAIL: 'bench@example.test',
    },
  }).trim();
}

/** Returns a workspace, the push event and a cleanup, with `commits` new commits of real code on top of a base. */
export function makePushScenario(corpusFile, commits = 10) {
  const base = mkdtempSync(join(tmpdir(), 'kh-action-bench-'));
  const origin = join(base, 'origin.git');
  const author = join(base, 'author');
  const workspace = join(base, 'workspace');
  mkdirSync(author);
  git(author, 'init', '-q', '-b', 'main');
  writeFileSync(join(author, 'README.md'), '# app\n');
  git(author, 'add', '-A');
  git(author, 'commit', '-qm', 'base');
  const before = git(author, 'rev-parse', 'HEAD');
  for (let i = 0; i < commits; i++) {
    writeFileSync(join(author, `module-${i}.js`), corpusFile);
    git(author, 'add', '-A');
    git(author, 'commit', '-qm', `change ${i}`);
  }
  const after = git(author, 'rev-parse', 'HEAD');
  execFileSync('git', ['clone', '-q', '--bare', author, origin]);
  git(origin, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  mkdirSync(workspace);
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', `file://${origin}`);
  git(workspace, 'fetch', '-q', '--no-tags', '--depth=1', 'origin', `+${after}:refs/remotes/origin/main`);
  git(workspace, 'checkout', '-q', '-B', 'main', 'refs/remotes/origin/main');
  const event = {
    ref: 'refs/heads/main',
    before,
    after,
    created: before === ZERO,
    deleted: false,
    forced: false,
    commits: [],
    head_commit: { id: after },
    repository: { id: 1, full_name: 'acme/app', default_branch: 'main' },
  };
  return { workspace, event, after, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/** Environment of a runner step for this scenario (inputs at action.yml's defaults). */
export function runnerEnv(scenario, eventPath, outputFile, summaryFile) {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: scenario.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'acme/app',
    GITHUB_SHA: scenario.after,
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: tmpdir(),
    INPUT_MODE: 'scan',
    INPUT_SCAN: 'tree',
    'INPUT_FAIL-ON': 'error',
    INPUT_CONFIG: '.github/key-hygiene.yml',
    INPUT_BASELINE: '',
    'INPUT_SARIF-FILE': 'key-hygiene.sarif',
    INPUT_TOKEN: '',
    INPUT_SECRET: '',
    INPUT_PROVIDER: '',
    INPUT_ONLINE: 'false',
    'INPUT_PROVIDER-URL': '',
    INPUT_FINGERPRINTS: '',
  };
}
