import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeKey } from '../../support/make-keys.js';
import { runActionAsync, type ActionRun } from '../../support/run-action.js';

// `mode: verify` run as a runner runs dist/index.js, with a local stand-in for OpenAI's API.
// Keys are made at test time (make-keys.ts): the repository never holds a key-like literal.

const REPO_ID = '912345678';
const projectKey = makeKey('openai-project-key', 11);
const otherProjectKey = makeKey('openai-project-key', 12);
const userKey = makeKey('openai-user-key', 13);
const stripeKey = makeKey('stripe-live-key', 14);

/** What the stand-in answers for each bearer key; anything else gets 401. */
const answers = new Map<string, number>();
const requests: Array<{ method: string; url: string; authorization: string }> = [];
let provider: Server;
let providerUrl: string;
let workspace: string;

beforeAll(async () => {
  provider = createServer((req, res) => {
    const authorization = req.headers.authorization ?? '';
    requests.push({ method: req.method ?? '', url: req.url ?? '', authorization });
    const status = req.url === '/v1/models' ? (answers.get(authorization.replace(/^Bearer /, '')) ?? 401) : 404;
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify(status === 200 ? { object: 'list', data: [] } : { error: { message: 'no' } }));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => provider.close(() => resolve())));

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'kh-verify-'));
  answers.clear();
  requests.length = 0;
});

afterEach(() => rmSync(workspace, { recursive: true, force: true }));

function verify(
  value: string | undefined,
  inputs: Record<string, string> = {},
  repositoryId = REPO_ID,
): Promise<ActionRun> {
  return runActionAsync({
    workspace,
    eventName: 'push',
    payload: {},
    inputs: { mode: 'verify', secret: 'OPENAI_API_KEY', 'provider-url': providerUrl, ...inputs },
    env: { GITHUB_REPOSITORY_ID: repositoryId, ...(value !== undefined && { OPENAI_API_KEY: value }) },
  });
}

const expectedFingerprint = (value: string, key = REPO_ID) =>
  createHmac('sha256', key).update(value).digest('hex').slice(0, 16);
const checks = (result: ActionRun) =>
  result.annotations.filter((a) => a.properties.title !== undefined).map((a) => [a.level, a.properties.title]);

/** The key was masked first, and appears nowhere else: not in logs, annotations, summary or outputs. */
function expectNeverShown(result: ActionRun, value: string): void {
  const lines = result.stdout.split('\n');
  expect(lines.findIndex((l) => l.startsWith('::add-mask::'))).toBe(0);
  expect(result.masked).toContain(value);
  const printed = lines.filter((l) => !l.startsWith('::add-mask::')).join('\n');
  for (const text of [printed, result.stderr, result.summary, JSON.stringify(result.outputs)]) {
    expect(text).not.toContain(value);
    expect(text).not.toContain(value.slice(12, 40));
  }
}

describe('mode: verify', () => {
  it('accepts a live project key: status valid, the fingerprint, nothing shown', async () => {
    answers.set(projectKey, 200);
    const result = await verify(projectKey, { provider: 'openai', online: 'true' });
    expect(result.code).toBe(0);
    expect(result.annotations).toEqual([]);
    expect(result.outputs).toEqual({ status: 'valid', fingerprint: expectedFingerprint(projectKey), findings: '0' });
    expect(requests).toEqual([{ method: 'GET', url: '/v1/models', authorization: `Bearer ${projectKey}` }]);
    expect(result.summary).toContain(
      `| \`OPENAI_API_KEY\` | openai | OpenAI project key | valid (200 from GET ${providerUrl}/v1/models) | \`${expectedFingerprint(projectKey)}\` |`,
    );
    expectNeverShown(result, projectKey);
  });

  it('fails on a key the provider refuses (401)', async () => {
    const result = await verify(projectKey, { provider: 'openai', online: 'true' });
    expect(result.code).toBe(1);
    expect(checks(result)).toEqual([['error', 'OPENAI_API_KEY was refused by openai']]);
    expect(result.annotations[0]!.message).toContain('the key is revoked or invalid');
    expect(result.outputs.status).toBe('invalid');
    expect(result.outputs.findings).toBe('1');
    expectNeverShown(result, projectKey);
  });

  it.each([
    [429, 'rate-limited', 'OPENAI_API_KEY is rate-limited'],
    [503, 'unknown', 'OPENAI_API_KEY could not be checked online'],
  ])('warns on %i: status %s', async (status, expected, title) => {
    answers.set(projectKey, status);
    const result = await verify(projectKey, { provider: 'openai', online: 'true' });
    expect(result.code).toBe(0);
    expect(result.outputs.status).toBe(expected);
    expect(checks(result)).toEqual([['warning', title]]);
    expectNeverShown(result, projectKey);
  });

  it('takes the provider from the policy, warns on a legacy user key, and stays offline without online', async () => {
    mkdirSync(join(workspace, '.github'));
    writeFileSync(
      join(workspace, '.github', 'key-hygiene.yml'),
      'keys:\n  - secret: OPENAI_API_KEY\n    provider: openai\n    environments: [production]\n',
    );
    const result = await verify(userKey);
    expect(result.code).toBe(0);
    expect(checks(result)).toEqual([['warning', 'OPENAI_API_KEY: OpenAI user key (legacy)']]);
    expect(result.annotations[0]!.message).toContain('use a project or service-account key');
    expect(result.outputs).toMatchObject({ status: 'offline', findings: '1' });
    expect(requests).toEqual([]);
    expectNeverShown(result, userKey);
  });

  it('fails on a value of another provider, and never sends it to OpenAI', async () => {
    const result = await verify(stripeKey, { provider: 'openai', online: 'true' });
    expect(result.code).toBe(1);
    expect(checks(result)).toEqual([['error', 'OPENAI_API_KEY: not a key of provider openai']]);
    expect(result.annotations[0]!.message).toContain('It looks like a Stripe live secret or restricted key.');
    expect(result.outputs.status).toBe('invalid');
    expect(requests).toEqual([]);
    expectNeverShown(result, stripeKey);
  });

  it('gives equal keys equal fingerprints within a repository only, whitespace aside', async () => {
    answers.set(projectKey, 200);
    const a = await verify(projectKey, { provider: 'openai' });
    const b = await verify(`${projectKey}\n`, { provider: 'openai' });
    const c = await verify(otherProjectKey, { provider: 'openai' });
    const d = await verify(projectKey, { provider: 'openai' }, '42');
    expect(b.outputs.fingerprint).toBe(a.outputs.fingerprint);
    expect(checks(b)).toEqual([['warning', 'OPENAI_API_KEY has surrounding whitespace']]);
    expect(b.masked).toContain(projectKey);
    expectNeverShown(b, projectKey);
    expect(c.outputs.fingerprint).not.toBe(a.outputs.fingerprint);
    expect(d.outputs.fingerprint).toBe(expectedFingerprint(projectKey, '42'));
    expect(d.outputs.fingerprint).not.toBe(a.outputs.fingerprint);
  });

  it.each([
    [undefined, 'environment variable OPENAI_API_KEY is not set: pass the key through env:'],
    ['', 'environment variable OPENAI_API_KEY is empty: pass the key through env:'],
  ])('fails with one line naming the variable when the value is %j', async (value, expected) => {
    const result = await verify(value, { provider: 'openai' });
    expect(result.code).toBe(1);
    expect(result.annotations).toHaveLength(1);
    expect(result.annotations[0]!.message).toContain(expected);
    expect(result.annotations[0]!.message).toContain('${{ secrets.OPENAI_API_KEY }}');
  });

  it('fails with one line when no provider is declared anywhere', async () => {
    const result = await verify(projectKey);
    expect(result.code).toBe(1);
    expect(result.annotations.map((a) => a.message)).toEqual([
      "no provider for OPENAI_API_KEY: set the 'provider' input, or a 'provider' in the policy's keys entry for OPENAI_API_KEY",
    ]);
    expectNeverShown(result, projectKey);
  });
});
