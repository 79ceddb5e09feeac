import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret } from '../../../src/scan/fingerprint.js';
import { checkoutWorkspace, createOrigin } from '../../support/checkout.js';
import { useTestRepos } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { runAction } from '../../support/run-action.js';
import { examplePayload, expectKeyHidden, pullRequestPayload, sarifOf } from './support.js';

const newRepo = useTestRepos();

/** main with an old leak, and a pushed feature branch whose one commit adds `featureFile`. */
function originWithFeature(featureFile: string, content: string) {
  const dev = newRepo();
  const origin = createOrigin(dev);
  dev.write('README.md', '# app\n');
  dev.commit('initial');
  dev.write('config/old.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 21)}\n`);
  dev.commit('old leak');
  dev.write('src/a.ts', 'export const a = 1;\n');
  const base = dev.commit('clean');
  dev.git('push', '--quiet', 'origin', 'main');
  dev.git('checkout', '--quiet', '-b', 'feature');
  dev.write(featureFile, content);
  const head = dev.commit('feature');
  dev.git('push', '--quiet', 'origin', 'feature');
  return { dev, origin, base, head };
}

describe('mode: scan on pull requests and merge queues', () => {
  it("scans base..head of a pull request: a leak in the head fails, main's old one is not reported", () => {
    const key = makeKey('openai-project-key', 22);
    const { dev, origin, base, head } = originWithFeature('app.env', `OPENAI_API_KEY=${key}\n`);
    // actions/checkout checks out the merge commit, detached; here the head stands in for it.
    const workspace = checkoutWorkspace(dev, origin, { sha: head });

    const run = runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(base, head),
      sha: head,
      ref: 'refs/pull/1/merge',
    });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'app.env', line: '1' } });
    expect(run.summary).toContain(`${base.slice(0, 7)}...${head.slice(0, 7)}`);
    expect(run.summary).not.toContain('config/old.env');
    expectKeyHidden(run, workspace, key);
  });

  it('on pull_request_target with fail-on: never, reports the leak and passes', () => {
    const key = makeKey('openai-project-key', 23);
    const { dev, origin, base, head } = originWithFeature('app.env', `OPENAI_API_KEY=${key}\n`);
    const workspace = checkoutWorkspace(dev, origin, { sha: base });

    const run = runAction({
      workspace,
      eventName: 'pull_request_target',
      payload: pullRequestPayload(base, head),
      sha: base,
      inputs: { 'fail-on': 'never' },
    });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('1');
    expectKeyHidden(run, workspace, key);
  });

  it('reads the config and the baseline from the base: a pull request cannot allow or baseline its own key', () => {
    const key = makeKey('openai-project-key', 25);
    const { dev, origin, base } = originWithFeature('app.env', `OPENAI_API_KEY=${key}\n`);
    dev.write('.github/key-hygiene.yml', "scan:\n  allow:\n    paths: ['**']\n");
    const baseline = {
      version: 1,
      findings: [
        { fingerprint: fingerprintSecret('openai-project-key', key), detector: 'openai-project-key', path: 'app.env' },
      ],
    };
    dev.write('baseline.json', JSON.stringify(baseline));
    const head = dev.commit('allow everything, and baseline the key');
    dev.git('push', '--quiet', 'origin', 'feature');
    const workspace = checkoutWorkspace(dev, origin, { sha: head });

    const run = runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(base, head),
      sha: head,
      inputs: { baseline: 'baseline.json' },
    });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('1');
    expect(run.annotations[0]).toMatchObject({ level: 'error', properties: { file: 'app.env' } });
    expect(run.stdout).toContain(
      `.github/key-hygiene.yml is not in the base commit ${base.slice(0, 7)}: this scan does without it (the change applies once merged)`,
    );
    expect(run.stdout).toContain(`no baseline.json at base ${base.slice(0, 7)}: every key found is reported`);
    expectKeyHidden(run, workspace, key);
  });

  it("honours the base's config, fetched from origin on a depth-1 checkout of the head", () => {
    const dev = newRepo();
    const origin = createOrigin(dev);
    dev.write('.github/key-hygiene.yml', "scan:\n  allow:\n    paths: ['fixtures/**']\n");
    const base = dev.commit('allow fixtures');
    dev.git('push', '--quiet', 'origin', 'main');
    dev.git('checkout', '--quiet', '-b', 'feature');
    dev.write('fixtures/sample.env', `OPENAI_API_KEY=${makeKey('openai-project-key', 26)}\n`);
    dev.write('.github/key-hygiene.yml', 'scan: {}\n');
    const head = dev.commit('a fixture, and a config that would scan it');
    dev.git('push', '--quiet', 'origin', 'feature');
    const workspace = checkoutWorkspace(dev, origin, { sha: head });

    const run = runAction({ workspace, eventName: 'pull_request', payload: pullRequestPayload(base, head), sha: head });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('0');
    expect(run.stdout).toContain(
      `.github/key-hygiene.yml differs from the base commit ${base.slice(0, 7)}: this scan uses the base's version`,
    );
  });

  it('scans base_sha..head_sha of a merge group', () => {
    const { dev, origin, base, head } = originWithFeature('src/b.ts', 'export const b = 2;\n');
    const workspace = checkoutWorkspace(dev, origin, { sha: head });
    const payload = examplePayload('merge_group');
    payload.merge_group.base_sha = base;
    payload.merge_group.head_sha = head;

    const run = runAction({ workspace, eventName: 'merge_group', payload, sha: head });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.summary).toContain('merge group');
    expect(run.summary).toContain('1 commit');
  });
});

describe('mode: scan on schedule and other events', () => {
  const schedule = (repository: object) => ({ schedule: '17 3 * * *', repository });

  it('scan: tree scans the checked-out files, so the old leak still in them fails', () => {
    const { dev, origin, base } = originWithFeature('src/b.ts', 'export const b = 2;\n');
    const workspace = checkoutWorkspace(dev, origin, { sha: base, branch: 'main' });

    const run = runAction({
      workspace,
      eventName: 'schedule',
      payload: schedule(examplePayload('push').repository),
      sha: base,
    });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.summary).toContain('schedule: the checked-out tree');
    expect(run.annotations[0]).toMatchObject({ properties: { file: 'config/old.env' } });
    expect(JSON.parse(sarifOf(workspace)).runs[0].results).toHaveLength(1);
    expectKeyHidden(run, workspace, makeKey('openai-project-key', 21));
  });

  it('scan: history fetches every branch and finds a key deleted from the tree and one only on a branch', () => {
    const branchKey = makeKey('openai-project-key', 24);
    const { dev, origin } = originWithFeature('feature.env', `OPENAI_API_KEY=${branchKey}\n`);
    dev.git('checkout', '--quiet', 'main');
    dev.git('rm', '--quiet', 'config/old.env');
    const main = dev.commit('remove the old key (it stays in history)');
    dev.git('push', '--quiet', 'origin', 'main');
    const workspace = checkoutWorkspace(dev, origin, { sha: main, branch: 'main' });
    const payload = examplePayload('workflow_dispatch');

    const run = runAction({
      workspace,
      eventName: 'workflow_dispatch',
      payload,
      sha: main,
      inputs: { scan: 'history' },
    });

    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.findings).toBe('2');
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.properties.file)).toEqual([
      'config/old.env',
      'feature.env',
      undefined,
    ]);
    expect(run.summary).toContain('every commit on every branch');
    expectKeyHidden(run, workspace, branchKey);
  });

  it('honours a baseline: accepted keys are not reported', () => {
    const { dev, origin, base } = originWithFeature('src/b.ts', 'export const b = 2;\n');
    const workspace = checkoutWorkspace(dev, origin, { sha: base, branch: 'main' });
    const first = runAction({ workspace, eventName: 'schedule', payload: schedule({}), sha: base });
    const fingerprint = JSON.parse(sarifOf(workspace)).runs[0].results[0].partialFingerprints['keyHygiene/v1'];
    expect(first.code).toBe(1);
    writeFileSync(
      join(workspace, 'baseline.json'),
      JSON.stringify({
        version: 1,
        findings: [{ fingerprint, detector: 'openai-project-key', path: 'config/old.env' }],
      }),
    );

    const run = runAction({
      workspace,
      eventName: 'schedule',
      payload: schedule({}),
      sha: base,
      inputs: { baseline: 'baseline.json' },
    });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.findings).toBe('0');
  });

  it('fails an unknown event with one line naming it', () => {
    const { dev, origin, base } = originWithFeature('src/b.ts', 'export const b = 2;\n');
    const workspace = checkoutWorkspace(dev, origin, { sha: base });

    const run = runAction({ workspace, eventName: 'issues', payload: examplePayload('issues'), sha: base });

    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe(
      "mode 'scan' has nothing to scan on the 'issues' event: run it on push, pull_request, pull_request_target, merge_group, schedule or workflow_dispatch",
    );
  });

  it('fails with what to change when the range cannot be fetched from origin', () => {
    const { dev, origin, head } = originWithFeature('src/b.ts', 'export const b = 2;\n');
    const workspace = checkoutWorkspace(dev, origin, { sha: head });
    const missing = 'f'.repeat(40);

    const run = runAction({
      workspace,
      eventName: 'pull_request',
      payload: pullRequestPayload(missing, head),
      sha: head,
    });

    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^cannot fetch .* from origin .*fetch-depth: 0/);
    expect(errors[0]!.message).not.toContain('\n');
  });
});
