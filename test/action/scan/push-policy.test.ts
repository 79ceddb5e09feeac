import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/scan/fingerprint.js';
import { checkoutWorkspace, createOrigin, type Origin } from '../../support/checkout.js';
import { useTestRepos, type TestRepo } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { runAction } from '../../support/run-action.js';
import { expectKeyHidden, pushPayload, ZERO } from './support.js';

const newRepo = useTestRepos();

const ALLOW_ALL = "scan:\n  allow:\n    paths: ['**']\n";
const CONFIG = '.github/key-hygiene.yml';

/** A repository on origin whose main has a README (and, given, a config). */
function originWithMain(config?: string) {
  const dev = newRepo();
  const origin = createOrigin(dev);
  dev.write('README.md', '# app\n');
  if (config !== undefined) dev.write(CONFIG, config);
  const main = dev.commit('initial');
  dev.git('push', '--quiet', 'origin', 'main');
  return { dev, origin, main };
}

/** The Action on a push, on a fetch-depth 1 checkout of its head, as a push workflow runs it. */
function runPush(
  dev: TestRepo,
  origin: Origin,
  fields: Parameters<typeof pushPayload>[0],
  inputs: Record<string, string> = {},
) {
  const payload = pushPayload(fields);
  payload.repository.default_branch = 'main';
  const branch = fields.ref.replace('refs/heads/', '');
  const workspace = checkoutWorkspace(dev, origin, { sha: fields.after, branch });
  return {
    run: runAction({ workspace, eventName: 'push', payload, sha: fields.after, ref: fields.ref, inputs }),
    workspace,
  };
}

describe('mode: scan on push reads the config and the baseline from before the push', () => {
  it('a push that adds `allow.paths: [**]` and a baseline entry together with a key fails on the key', () => {
    const { dev, origin, main } = originWithMain();
    const key = makeKey('openai-project-key', 51);
    dev.write(CONFIG, ALLOW_ALL);
    dev.write(
      'baseline.json',
      JSON.stringify({
        version: 1,
        findings: [
          {
            fingerprint: fingerprintSecret('openai-project-key', key),
            detector: 'openai-project-key',
            path: 'app.env',
          },
        ],
      }),
    );
    dev.write('app.env', `OPENAI_API_KEY=${key}\n`);
    const after = dev.commit('allow everything, baseline the key, and add it');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run, workspace } = runPush(
      dev,
      origin,
      { ref: 'refs/heads/main', before: main, after },
      { baseline: 'baseline.json' },
    );

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'app.env' } });
    const note = `this push changes ${CONFIG}: this scan does without it, as before the push (${main.slice(0, 7)}); the change applies from the next push`;
    expect(run.stdout).toContain(note);
    expect(run.summary).toContain(
      `this push changes .github/key-hygiene.yml: this scan does without it, as before the push (${main.slice(0, 7)}); the change applies from the next push`,
    );
    expect(run.summary).toContain(
      `no baseline.json at ${main.slice(0, 7)} (before the push): every key found is reported`,
    );
    expectKeyHidden(run, workspace, key);
  });

  it('a push that only changes the config passes, and the summary says the change applies from the next push', () => {
    const { dev, origin, main } = originWithMain("scan:\n  allow:\n    paths: ['fixtures/**']\n");
    dev.write(CONFIG, "scan:\n  allow:\n    paths: ['fixtures/**', 'samples/**']\n");
    const after = dev.commit('allow samples too');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run } = runPush(dev, origin, { ref: 'refs/heads/main', before: main, after });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain(
      `this push changes .github/key-hygiene.yml: this scan uses the version before it (${main.slice(0, 7)}); the change applies from the next push`,
    );
  });

  it('the config from before the push still decides: a fixture it allows passes though the push drops the rule', () => {
    const { dev, origin, main } = originWithMain("scan:\n  allow:\n    paths: ['fixtures/**']\n");
    dev.write('fixtures/sample.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 52)}\n`);
    dev.write(CONFIG, 'scan: {}\n');
    const after = dev.commit('a fixture, and a config that would scan it');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run } = runPush(dev, origin, { ref: 'refs/heads/main', before: main, after });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('0');
  });

  it("a new branch is decided by the default branch's config, not its own", () => {
    const { dev, origin, main } = originWithMain('scan: {}\n');
    dev.git('checkout', '--quiet', '-b', 'feature');
    const key = makeKey('openai-project-key', 53);
    dev.write(CONFIG, ALLOW_ALL);
    dev.write('app.env', `OPENAI_API_KEY=${key}\n`);
    const after = dev.commit('allow everything and add a key');
    dev.git('push', '--quiet', 'origin', 'feature');

    const { run, workspace } = runPush(dev, origin, { ref: 'refs/heads/feature', before: ZERO, after, created: true });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toContain(
      `.github/key-hygiene.yml differs from main ${main.slice(0, 7)}: this scan uses main's version`,
    );
    expectKeyHidden(run, workspace, key);
  });

  it("a force push over a tip gone from origin is decided by the default branch's config", () => {
    const { dev, origin, main } = originWithMain('scan: {}\n');
    dev.git('checkout', '--quiet', '-b', 'topic');
    dev.write('topic.txt', 'v1\n');
    const oldTip = dev.commit('topic v1');
    dev.git('push', '--quiet', 'origin', 'topic');
    dev.git('reset', '--quiet', '--hard', main);
    const key = makeKey('openai-project-key', 55);
    dev.write(CONFIG, ALLOW_ALL);
    dev.write('topic.env', `OPENAI_API_KEY=${key}\n`);
    const newTip = dev.commit('topic v2: allow everything, and a key');
    dev.git('push', '--quiet', '--force', 'origin', 'topic');
    origin.pruneUnreachable();

    const { run } = runPush(dev, origin, { ref: 'refs/heads/topic', before: oldTip, after: newTip, forced: true });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'topic.env' } });
    expect(run.summary).toContain(
      `.github/key-hygiene.yml differs from main ${main.slice(0, 7)}: this scan uses main's version`,
    );
  });

  it('the first push to the default branch has no config to trust: the defaults decide', () => {
    const dev = newRepo();
    const origin = createOrigin(dev);
    const key = makeKey('openai-project-key', 54);
    dev.write(CONFIG, ALLOW_ALL);
    dev.write('app.env', `OPENAI_API_KEY=${key}\n`);
    const after = dev.commit('initial, with a key and a config that allows it');
    dev.git('push', '--quiet', 'origin', 'main');

    const { run } = runPush(dev, origin, { ref: 'refs/heads/main', before: ZERO, after, created: true });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toContain(
      '.github/key-hygiene.yml is not used: the push has no commit before it, and it is to the default branch main itself, so the defaults apply',
    );
  });
});
