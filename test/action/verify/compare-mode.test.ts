import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeKey } from '../../support/make-keys.js';
import { runActionAsync, type ActionRun } from '../../support/run-action.js';

// `mode: compare` fed `${{ toJSON(needs) }}` as the runner renders it, and, end to end, the
// fingerprints three `mode: verify` runs output.

let workspace: string;
beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'kh-compare-'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

const run = (inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> =>
  runActionAsync({ workspace, eventName: 'push', payload: {}, inputs, env: { GITHUB_REPOSITORY_ID: '777', ...env } });
const compare = (needs: unknown, inputs: Record<string, string> = {}) =>
  run({ mode: 'compare', fingerprints: typeof needs === 'string' ? needs : JSON.stringify(needs, null, 2), ...inputs });
const job = (fingerprint?: string, result = 'success') => ({
  result,
  outputs: fingerprint === undefined ? {} : { fingerprint },
});
const checks = (result: ActionRun) => result.annotations.filter((a) => a.properties.title !== undefined);

describe('mode: compare', () => {
  it('passes when every job holds its own key', async () => {
    const result = await compare({
      'verify-development': job('1111aaaa2222bbbb'),
      'verify-staging': job('3333cccc4444dddd'),
      'verify-production': job('5555eeee6666ffff'),
    });
    expect(result.code).toBe(0);
    expect(result.annotations).toEqual([]);
    expect(result.outputs.findings).toBe('0');
    expect(result.summary).toContain('| verify-production | success | `5555eeee6666ffff` | ✅ own key |');
  });

  it('fails when two jobs share a fingerprint, naming them', async () => {
    const result = await compare({
      'verify-development': job('1111aaaa2222bbbb'),
      'verify-staging': job('5555eeee6666ffff'),
      'verify-production': job('5555eeee6666ffff'),
    });
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.message])).toEqual([
      [
        'error',
        'Jobs verify-staging, verify-production hold the same key (fingerprint 5555eeee6666ffff): each environment needs its own key. Make a new key for each and update the environment secrets.',
      ],
    ]);
    expect(result.outputs.findings).toBe('1');
    expect(result.summary).toContain(
      '| verify-staging | success | `5555eeee6666ffff` | ❌ same key as verify-production |',
    );
  });

  it('warns about a job without a fingerprint', async () => {
    const result = await compare({
      'verify-development': job('1111aaaa2222bbbb'),
      'verify-staging': job(undefined, 'failure'),
    });
    expect(result.code).toBe(0);
    expect(checks(result).map((a) => [a.level, a.properties.title])).toEqual([
      ['warning', 'No fingerprint from job verify-staging'],
    ]);
    expect(result.outputs.findings).toBe('1');
    expect((await compare({ a: job('x'), b: job(undefined, 'skipped') }, { 'fail-on': 'warning' })).code).toBe(1);
  });

  it.each([
    ['', "input 'fingerprints' is empty: pass fingerprints: ${{ toJSON(needs) }}"],
    ['{not json', "input 'fingerprints' is not JSON: pass fingerprints: ${{ toJSON(needs) }}"],
    ['["a"]', "input 'fingerprints' is not an object of jobs: pass fingerprints: ${{ toJSON(needs) }}"],
  ])('fails with one line on fingerprints %j', async (input, message) => {
    const result = await compare(input);
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([message]);
  });

  it('fails on one provider key id in two jobs even when their fingerprints differ, naming the jobs and the id', async () => {
    const atProvider = (id: string, lastUsed = '') => ({
      'provider-key-id': id,
      'provider-key-project': 'proj_prod',
      'provider-key-created-at': '2024-02-01T10:00:00.000Z',
      'provider-key-last-used-at': lastUsed,
    });
    const result = await compare({
      'verify-development': {
        result: 'success',
        outputs: { fingerprint: '1111aaaa2222bbbb', ...atProvider('key_dev') },
      },
      // Different fingerprint-keys per job make one key look like two; the provider's record does not.
      'verify-staging': {
        result: 'success',
        outputs: { fingerprint: '3333cccc4444dddd', ...atProvider('key_shared') },
      },
      'verify-production': {
        result: 'success',
        outputs: { fingerprint: '5555eeee6666ffff', ...atProvider('key_shared', '2026-12-01T08:00:00.000Z') },
      },
    });
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => [a.level, a.properties.title, a.message])).toEqual([
      [
        'error',
        'One provider key reused across environments',
        'Jobs verify-staging, verify-production hold the same provider key key_shared (project proj_prod): each environment needs its own key. Make a new key for each, update the environment secrets, and delete key_shared at the provider.',
      ],
    ]);
    expect(result.summary).toContain(
      '| Job | Result | Fingerprint | Provider key | Project | Created | Last used | Key |',
    );
    expect(result.summary).toContain(
      '| verify-development | success | `1111aaaa2222bbbb` | `key_dev` | `proj_prod` | 2024-02-01T10:00:00.000Z | never | ✅ own key |',
    );
    expect(result.summary).toContain(
      '| verify-production | success | `5555eeee6666ffff` | `key_shared` | `proj_prod` | 2024-02-01T10:00:00.000Z | 2026-12-01T08:00:00.000Z | ❌ same key as verify-staging |',
    );
  });

  it('says a key both the fingerprint and the provider key id find once, by its id', async () => {
    const same = { fingerprint: '5555eeee6666ffff', 'provider-key-id': 'key_shared' };
    const result = await compare({
      'verify-staging': { result: 'success', outputs: same },
      'verify-production': { result: 'success', outputs: same },
      'verify-development': { result: 'success', outputs: { fingerprint: '1111aaaa2222bbbb' } },
    });
    expect(result.code).toBe(1);
    expect(checks(result).map((a) => a.properties.title)).toEqual(['One provider key reused across environments']);
    // A job without an id keeps the fingerprint columns, and the provider's are dashes.
    expect(result.summary).toContain(
      '| verify-development | success | `1111aaaa2222bbbb` | — | — | — | — | ✅ own key |',
    );
  });

  it('escapes provider key outputs in the summary and the log', async () => {
    const hostile = '`x`|<b>@team #1\n::error::forged';
    const result = await compare({
      a: {
        result: 'success',
        outputs: { fingerprint: '1', 'provider-key-id': hostile, 'provider-key-created-at': hostile },
      },
      b: { result: 'success', outputs: { fingerprint: '2', 'provider-key-id': hostile } },
    });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((l) => /^\s*::error::forged/.test(l))).toEqual([]);
    // One row per job: in the code span, backticks and pipes neutralised and the newline written out;
    // elsewhere, escaped Markdown with no HTML and no mention.
    const row = result.summary.split('\n').find((l) => l.startsWith('| a |'))!;
    expect(row).toContain(
      "| a | success | `1` | `'x'\\|<b>@team #1\\n::error::forged` | — | \\`x\\`\\|&lt;b&gt;@\u200bteam",
    );
    expect(row).toMatch(/\| never \| ❌ same key as b \|$/);
  });

  it('end to end: verify in three environments, then compare their outputs', async () => {
    const shared = makeKey('openai-project-key', 21);
    const keys = {
      'verify-development': makeKey('openai-project-key', 22),
      'verify-staging': shared,
      'verify-production': shared,
    };
    const needs: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(keys)) {
      const verified = await run(
        { mode: 'verify', secret: 'OPENAI_API_KEY', provider: 'openai' },
        { OPENAI_API_KEY: key },
      );
      expect(verified.code).toBe(0);
      needs[name] = { result: 'success', outputs: { fingerprint: verified.outputs.fingerprint } };
    }
    const result = await compare(needs);
    expect(result.code).toBe(1);
    expect(checks(result)[0]!.message).toMatch(/^Jobs verify-staging, verify-production hold the same key/);
    for (const key of Object.values(keys)) expect(result.stdout + result.summary).not.toContain(key);
  });
});
