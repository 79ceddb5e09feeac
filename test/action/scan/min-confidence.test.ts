import { describe, expect, it } from 'vitest';
import { ALNUM } from '../../../src/detectors/alphabets.js';
import { checkoutWorkspace, createOrigin } from '../../support/checkout.js';
import { useTestRepos } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { runAction } from '../../support/run-action.js';
import { seededRng } from '../../support/seeded-rng.js';
import { examplePayload, expectKeyHidden, sarifOf } from './support.js';

const newRepo = useTestRepos();

const github = makeKey('github-token', 4);
const openai = makeKey('openai-project-key', 4);
const password = seededRng(12).string(`${ALNUM}#!@`, 18);

/** A checked-out main holding a key of each confidence (and a config, when given), scanned on schedule. */
function scheduledScan(inputs: Record<string, string>, files: Record<string, string>) {
  const dev = newRepo();
  const origin = createOrigin(dev);
  dev.write('README.md', '# app\n');
  for (const [path, text] of Object.entries(files)) dev.write(path, text);
  const sha = dev.commit('settings');
  dev.git('push', '--quiet', 'origin', 'main');
  const workspace = checkoutWorkspace(dev, origin, { sha, branch: 'main' });
  const payload = { schedule: '17 3 * * *', repository: examplePayload('push').repository };
  return { run: runAction({ workspace, eventName: 'schedule', payload, sha, inputs }), workspace };
}

const EACH = {
  'ci/deploy.sh': `export GITHUB_TOKEN=${github}\n`,
  'app/llm.py': `OPENAI_API_KEY = "${openai}"\n`,
  'app/db.py': `db_password = "${password}"\n`,
};

describe('mode: scan with min-confidence', () => {
  it('reports only the findings at least that sure, everywhere, and counts the others', () => {
    const { run, workspace } = scheduledScan({ 'min-confidence': 'high' }, EACH);

    expect(run.code, run.stdout + run.stderr).toBe(1);
    const findings = run.annotations.filter((a) => a.properties.file);
    expect(findings.map((a) => a.properties.file)).toEqual(['ci/deploy.sh']);
    expect(findings[0]!.message).toContain('High confidence: its checksum checks out.');
    expect(run.outputs.findings).toBe('1');
    expect(run.summary).toContain('| File | Detector | Confidence | Key |');
    expect(run.summary).toContain('| `github-token` | high |');
    expect(run.summary).toContain('2 below high confidence not shown');
    expect(run.stdout).toContain('2 below high confidence not shown');
    const sarif = JSON.parse(sarifOf(workspace));
    expect(sarif.runs[0].results.map((r: { properties: { confidence: string } }) => r.properties.confidence)).toEqual([
      'high',
    ]);
    for (const key of [github, openai, password]) expectKeyHidden(run, workspace, key);
    expect(run.summary + run.stdout).not.toContain('app/db.py');
  });

  it("takes the config's scan.min-confidence when the input is empty, and passes when nothing clears the bar", () => {
    const fromConfig = scheduledScan({}, { ...EACH, '.github/key-hygiene.yml': 'scan:\n  min-confidence: medium\n' });
    expect(fromConfig.run.code).toBe(1);
    expect(fromConfig.run.outputs.findings).toBe('2');
    expect(fromConfig.run.summary).toContain('1 below medium confidence not shown');

    const nothing = scheduledScan({ 'min-confidence': 'high' }, { 'app/db.py': EACH['app/db.py'] });
    expect(nothing.run.code, nothing.run.stdout + nothing.run.stderr).toBe(0);
    expect(nothing.run.summary).toContain('## Key Hygiene: no keys found');
    expect(nothing.run.summary).toContain('1 below high confidence not shown');

    const all = scheduledScan({}, EACH);
    expect(all.run.outputs.findings).toBe('3');
    expect(all.run.summary).not.toContain('not shown');
  });

  it('fails the step in one line on a bad value', () => {
    const { run } = scheduledScan({ 'min-confidence': 'sure' }, EACH);
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors.map((a) => a.message)).toEqual([
      "input 'min-confidence' is 'sure': expected one of high, medium, low",
    ]);
  });
});
