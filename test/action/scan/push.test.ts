import { describe, expect, it } from 'vitest';
import { checkoutWorkspace, createOrigin } from '../../support/checkout.js';
import { useTestRepos } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { runAction } from '../../support/run-action.js';
import { expectKeyHidden, pushPayload, sarifOf, ZERO } from './support.js';

const newRepo = useTestRepos();

/** A repository on origin whose main holds an old leak under a few clean commits. */
function originWithOldLeak() {
  const dev = newRepo();
  const origin = createOrigin(dev);
  const oldKey = makeKey('openai-project-key', 11);
  dev.write('README.md', '# app\n');
  dev.commit('initial');
  dev.write('config/old.env', `OPENAI_API_KEY=${oldKey}\n`);
  dev.commit('an old leak');
  for (let i = 0; i < 5; i++) {
    dev.write(`src/file${i}.ts`, `export const n = ${i};\n`);
    dev.commit(`clean ${i}`);
  }
  dev.git('push', '--quiet', 'origin', 'main');
  return { dev, origin, oldKey, main: dev.git('rev-parse', 'HEAD') };
}

function runPush(
  dev: Parameters<typeof checkoutWorkspace>[0],
  origin: Parameters<typeof checkoutWorkspace>[1],
  payload: ReturnType<typeof pushPayload>,
  branch = 'main',
) {
  const sha = payload.deleted ? payload.before : payload.after;
  const workspace = checkoutWorkspace(dev, origin, { sha, branch });
  const run = runAction({ workspace, eventName: 'push', payload, sha, ref: payload.ref });
  return { run, workspace };
}

describe('mode: scan on push, on a fetch-depth 1 checkout', () => {
  it('fails a plain push that adds a key: annotation, summary row, SARIF, output, and the key nowhere', () => {
    const { dev, origin, main } = originWithOldLeak();
    const key = makeKey('openai-project-key', 1);
    dev.write('docs/notes.md', 'nothing here\n');
    dev.commit('clean');
    dev.write('app/settings.env', `# llm\nOPENAI_API_KEY=${key}\n`);
    const after = dev.commit('leak');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run, workspace } = runPush(dev, origin, pushPayload({ ref: 'refs/heads/main', before: main, after }));

    expect(run.code, run.stdout + run.stderr).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(2); // the finding, and the step's failure
    expect(errors[0]).toMatchObject({
      properties: { file: 'app/settings.env', line: '2', title: 'OpenAI project key' },
    });
    expect(errors[0]!.message).toContain(`sk-proj-…${key.slice(-4)}`);
    expect(errors[0]!.message).toMatch(/revoke/i);
    expect(errors[1]!.message).toContain('1 key found');
    expect(run.outputs).toMatchObject({ findings: '1' });
    expect(run.outputs['sarif-file']).toBe(`${workspace}/key-hygiene.sarif`);
    expect(run.summary).toContain('## Key Hygiene: 1 key found');
    expect(run.summary).toContain(
      `[app/settings.env:2](https://github.com/acme/app/blob/${after}/app/settings.env#L2)`,
    );
    expect(run.summary).toContain(`push to main: ${main.slice(0, 7)}..${after.slice(0, 7)}`);
    expect(run.summary).toContain('2 commits');
    const sarif = JSON.parse(sarifOf(workspace));
    expect(sarif.runs[0].results).toHaveLength(1);
    expect(sarif.runs[0].results[0]).toMatchObject({ ruleId: 'openai-project-key', properties: { commit: after } });
    expectKeyHidden(run, workspace, key);
    // The old leak on main is not this push's.
    expect(run.summary).not.toContain('config/old.env');
  });

  it('passes a clean push on a main that holds an old leak', () => {
    const { dev, origin, main } = originWithOldLeak();
    dev.write('src/more.ts', 'export const more = 1;\n');
    const after = dev.commit('clean change');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run } = runPush(dev, origin, pushPayload({ ref: 'refs/heads/main', before: main, after }));

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('no keys found');
    expect(run.summary).toContain('1 commit');
    expect(run.masked).toEqual([]);
  });

  it('scans a push of 100 commits whole, deepening the shallow clone until the range is closed', () => {
    const { dev, origin, main } = originWithOldLeak();
    const key = makeKey('openai-project-key', 5);
    dev.write('first.env', `OPENAI_API_KEY=${key}\n`);
    dev.commit('leak first, far below the tip');
    for (let i = 0; i < 99; i++) {
      dev.write('counter.txt', `${i}\n`);
      dev.commit(`step ${i}`);
    }
    const after = dev.git('rev-parse', 'HEAD');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run, workspace } = runPush(dev, origin, pushPayload({ ref: 'refs/heads/main', before: main, after }));

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.summary).toContain('100 commits');
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'first.env' } });
    expectKeyHidden(run, workspace, key);
  });

  it('on a push that merges main into a feature branch, scans only what the branch adds over main', () => {
    const { dev, origin, main } = originWithOldLeak();
    dev.git('checkout', '--quiet', '-b', 'feature', main);
    dev.write('src/feature.ts', 'export const feature = true;\n');
    const before = dev.commit('feature work');
    dev.git('push', '--quiet', 'origin', 'feature');
    // main moves on, with a leak that its own push reported (or that the baseline holds).
    dev.git('checkout', '--quiet', 'main');
    dev.write('config/later.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 12)}\n`);
    dev.commit('a leak on main, after the branch was cut');
    dev.write('src/main-only.ts', 'export const m = 1;\n');
    dev.commit('clean on main');
    dev.git('push', '--quiet', 'origin', 'main');
    dev.git('checkout', '--quiet', 'feature');
    dev.git('merge', '--quiet', '--no-ff', '--no-edit', 'main');
    const merged = dev.git('rev-parse', 'HEAD');
    dev.git('push', '--quiet', 'origin', 'feature');

    const clean = runPush(dev, origin, pushPayload({ ref: 'refs/heads/feature', before, after: merged }), 'feature');
    expect(clean.run.code, clean.run.stdout + clean.run.stderr).toBe(0);
    expect(clean.run.stdout).toContain(
      'the push merges other commits: scanning what it adds over every other branch of origin',
    );
    expect(clean.run.summary).not.toContain('config/later.env');

    const key = makeKey('openai-project-key', 13);
    dev.write('src/feature.env', `OPENAI_API_KEY=${key}\n`);
    const leaky = dev.commit('a new leak on the feature branch');
    dev.git('push', '--quiet', 'origin', 'feature');
    const leak = runPush(dev, origin, pushPayload({ ref: 'refs/heads/feature', before, after: leaky }), 'feature');
    expect(leak.run.code, leak.run.stdout + leak.run.stderr).toBe(1);
    expect(leak.run.outputs.findings).toBe('1');
    expect(leak.run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'src/feature.env' } });
    expect(leak.run.summary).not.toContain('config/later.env');
    expectKeyHidden(leak.run, leak.workspace, key);
  });

  it("annotates at most GitHub's per-step caps of a push with 60 keys, says how many are not, and lists all in the summary", () => {
    const { dev, origin, main } = originWithOldLeak();
    const keys = Array.from({ length: 60 }, (_, i) => makeKey('openai-project-key', 100 + i));
    for (let file = 0; file < 3; file++) {
      dev.write(
        `keys/batch${file}.env`,
        keys
          .slice(file * 20, file * 20 + 20)
          .map((k, i) => `OPENAI_API_KEY_${i}=${k}\n`)
          .join(''),
      );
    }
    const after = dev.commit('sixty keys');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run, workspace } = runPush(dev, origin, pushPayload({ ref: 'refs/heads/main', before: main, after }));

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('60');
    expect(run.annotations.length).toBeLessThanOrEqual(50);
    const errors = run.annotations.filter((a) => a.level === 'error');
    const warnings = run.annotations.filter((a) => a.level === 'warning');
    expect(errors.length).toBeLessThanOrEqual(10); // GitHub shows 10 per step, the failure line included
    expect(errors.filter((a) => a.properties.file !== undefined)).toHaveLength(9);
    expect(warnings.map((a) => a.message)).toEqual([
      '51 of 60 findings are not annotated (GitHub shows 10 error and 10 warning annotations per step): the job summary and the SARIF report list all 60.',
    ]);
    expect(run.stdout.split('\n')).toContain(
      '51 of 60 findings are not annotated (GitHub shows 10 error and 10 warning annotations per step): the job summary and the SARIF report list all 60.',
    );
    expect(run.summary).toContain('## Key Hygiene: 60 keys found');
    expect(run.summary).toContain('> 51 of 60 findings are not annotated');
    expect(run.summary.split('\n').filter((l) => l.startsWith('| [keys/batch'))).toHaveLength(60);
    expect(JSON.parse(sarifOf(workspace)).runs[0].results).toHaveLength(60);
    for (const key of keys) expectKeyHidden(run, workspace, key);
  });

  it('on a new branch cut from main, scans only the branch commits: clean passes, a leak fails', () => {
    const { dev, origin } = originWithOldLeak();
    dev.git('checkout', '--quiet', '-b', 'feature');
    dev.write('src/feature.ts', 'export const feature = true;\n');
    const clean = dev.commit('feature work');
    dev.git('push', '--quiet', 'origin', 'feature');

    const first = runPush(
      dev,
      origin,
      pushPayload({ ref: 'refs/heads/feature', before: ZERO, after: clean, created: true }),
      'feature',
    );
    expect(first.run.code, first.run.stdout + first.run.stderr).toBe(0);
    expect(first.run.summary).toContain('new branch feature');
    expect(first.run.summary).toContain('1 commit');

    const key = makeKey('openai-project-key', 2);
    dev.write('src/feature.env', `OPENAI_API_KEY=${key}\n`);
    const leaky = dev.commit('feature leak');
    dev.git('push', '--quiet', 'origin', 'feature');
    // The same branch, had it been created with both commits: still only the branch's.
    const second = runPush(
      dev,
      origin,
      pushPayload({ ref: 'refs/heads/feature', before: ZERO, after: leaky, created: true }),
      'feature',
    );
    expect(second.run.code, second.run.stdout + second.run.stderr).toBe(1);
    expect(second.run.outputs.findings).toBe('1');
    expect(second.run.summary).toContain('src/feature.env');
    expect(second.run.summary).not.toContain('config/old.env');
    expectKeyHidden(second.run, second.workspace, key);
  });

  it('on a branch cut from an old main commit, with main 100 commits ahead, does not take main history as the branch', () => {
    const { dev, origin, main } = originWithOldLeak();
    for (let i = 0; i < 100; i++) {
      dev.write('counter.txt', `${i}\n`);
      dev.commit(`main moves on ${i}`);
    }
    dev.git('push', '--quiet', 'origin', 'main');
    dev.git('checkout', '--quiet', '-b', 'old-feature', main);
    dev.write('feature.txt', 'x\n');
    const tip = dev.commit('feature');
    dev.git('push', '--quiet', 'origin', 'old-feature');

    const { run } = runPush(
      dev,
      origin,
      pushPayload({ ref: 'refs/heads/old-feature', before: ZERO, after: tip, created: true }),
      'old-feature',
    );

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('1 commit in');
  });

  it('on a force push whose old tip is gone from origin, scans what the new tip adds over the other branches', () => {
    const { dev, origin, main } = originWithOldLeak();
    dev.git('checkout', '--quiet', '-b', 'topic');
    dev.write('topic.txt', 'v1\n');
    const oldTip = dev.commit('topic v1');
    dev.git('push', '--quiet', 'origin', 'topic');
    dev.git('reset', '--quiet', '--hard', main);
    const key = makeKey('openai-project-key', 3);
    dev.write('topic.env', `OPENAI_API_KEY=${key}\n`);
    const newTip = dev.commit('topic v2');
    dev.git('push', '--quiet', '--force', 'origin', 'topic');
    origin.pruneUnreachable();
    expect(() => origin.git('cat-file', '-e', oldTip)).toThrow();

    const { run, workspace } = runPush(
      dev,
      origin,
      pushPayload({ ref: 'refs/heads/topic', before: oldTip, after: newTip, forced: true }),
      'topic',
    );

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`${oldTip.slice(0, 7)} is gone from origin`);
    expect(run.summary).toContain('1 commit');
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'topic.env' } });
    expect(run.summary).not.toContain('config/old.env');
    expectKeyHidden(run, workspace, key);
  });

  it('on a deleted branch, says there is nothing to scan and succeeds', () => {
    const { dev, origin, main } = originWithOldLeak();
    const { run } = runPush(
      dev,
      origin,
      pushPayload({ ref: 'refs/heads/gone', before: main, after: ZERO, deleted: true }),
    );

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('push deleted refs/heads/gone: nothing to scan');
    expect(run.outputs.findings).toBe('0');
    expect(run.summary).toContain('nothing to scan');
  });

  it('on a new tag at a main commit, has no new commits to scan', () => {
    const { dev, origin, main } = originWithOldLeak();
    dev.git('tag', '-a', '-m', 'release', 'v1.0.0');
    dev.git('push', '--quiet', 'origin', 'v1.0.0');
    const tag = dev.git('rev-parse', 'v1.0.0');
    const workspace = checkoutWorkspace(dev, origin, { sha: main });
    const payload = pushPayload({ ref: 'refs/tags/v1.0.0', before: ZERO, after: tag, created: true });

    const run = runAction({ workspace, eventName: 'push', payload, sha: main, ref: 'refs/tags/v1.0.0' });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('tag v1.0.0');
    expect(run.summary).toContain('scanned 0 files');
  });
});
