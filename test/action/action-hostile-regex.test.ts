import { describe, expect, it } from 'vitest';
import { checkoutWorkspace, createOrigin } from '../support/checkout.js';
import { useTestRepos } from '../support/git-repo.js';
import { HOSTILE_CONFIG } from '../support/hostile-config.js';
import { makeKey } from '../support/make-keys.js';
import { runAction } from '../support/run-action.js';
import { pushPayload } from './scan/support.js';

const newRepo = useTestRepos();

/**
 * main holds `config` (so it decides the push whether the Action reads it from the workspace or from
 * the commit before the push); the push adds `files`. The bundled Action scans the push as a runner runs it.
 */
function pushTo(config: string, files: Record<string, string>) {
  const dev = newRepo();
  const origin = createOrigin(dev);
  dev.write('.github/key-hygiene.yml', config);
  const before = dev.commit('config');
  for (const [path, text] of Object.entries(files)) dev.write(path, text);
  const after = dev.commit('push');
  dev.git('push', '--quiet', 'origin', 'main');
  const workspace = checkoutWorkspace(dev, origin, { sha: after, branch: 'main' });
  return runAction({
    workspace,
    eventName: 'push',
    payload: pushPayload({ ref: 'refs/heads/main', before, after }),
    sha: after,
    ref: 'refs/heads/main',
  });
}

describe('mode: scan with a hostile config (bundled Action)', () => {
  it("finishes on the issue's hostile detector pattern and allow regex, and fails the push on its keys", () => {
    const openai = makeKey('openai-project-key', 21);
    const run = pushTo(HOSTILE_CONFIG, {
      'app/settings.py': [
        `TOKEN = "acme_${'a'.repeat(40)}"`,
        `BIG = "acme_${'a'.repeat(200_000)}"`,
        'ACME = "acme_q8w7e6r5t4y3u2i1o9p8!"',
        `OPENAI_API_KEY = "${openai}"`,
      ].join('\n'),
    });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const found = run.annotations
      .filter((a) => a.properties.file === 'app/settings.py')
      .map((a) => `${a.properties.title}:${a.properties.line}`);
    expect(found).toEqual(['Acme token:3', 'OpenAI project key:4']);
  });

  it('masks a key pasted into a config field in the error annotation', () => {
    const github = makeKey('github-token', 22);
    const run = pushTo(`rotate-every: ${github}\n`, { 'README.md': '# app\n' });
    expect(run.code).not.toBe(0);
    const errors = run.annotations.filter((a) => a.level === 'error').map((a) => a.message);
    expect(errors.join('\n')).toContain("field 'rotate-every' is \"…");
    expect(run.stdout + run.stderr).not.toContain(github.slice(4, 30));
  });
});
