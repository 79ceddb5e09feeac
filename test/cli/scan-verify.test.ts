import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log } from 'sarif';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findProvider } from '../../src/providers/canonical-provider.js';
import { makeKey } from '../support/make-keys.js';
import { startProviderStandIn, type ProviderStandIn } from '../support/provider-stand-in.js';
import { runCliAsync, type CliRun } from '../support/run-cli.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

// `key-hygiene scan --verify` run as a user runs it (the built CLI, a real process), each provider's
// live-check endpoint played by a real HTTP stand-in on 127.0.0.1 named with --verify-url. Keys are
// made at test time (make-keys.ts): the repository never holds a key-like literal.

/** One key per provider with a live check: its detector and what its stand-in answers. */
const CASES: ReadonlyArray<readonly [provider: string, detector: string, answer: 'live' | 'revoked' | 'rate-limited']> =
  [
    ['openai', 'openai-project-key', 'live'],
    ['anthropic', 'anthropic-api-key', 'revoked'],
    ['github', 'github-token', 'rate-limited'],
    ['slack', 'slack-bot-token', 'revoked'],
    ['huggingface', 'huggingface-access-token', 'live'],
    ['npm', 'npm-access-token', 'revoked'],
    ['stripe', 'stripe-live-key', 'live'],
    ['gitlab', 'gitlab-token', 'live'],
    ['sendgrid', 'sendgrid-api-key', 'revoked'],
    ['groq', 'groq-api-key', 'live'],
    ['notion', 'notion-integration-token', 'revoked'],
    ['figma', 'figma-access-token', 'live'],
    ['terraform', 'terraform-cloud-token', 'revoked'],
    ['openrouter', 'openrouter-api-key', 'live'],
  ];
const EXPECTED = { live: 'live', revoked: 'revoked', 'rate-limited': 'unknown' } as const;
const keyOf = new Map(CASES.map(([provider, detector], i) => [provider, makeKey(detector, 40 + i)]));
const awsKey = makeKey('aws-access-key-id', 7);
const RECORD_FETCH = pathToFileURL(join(import.meta.dirname, '../support/record-fetch.mjs')).href;

const standIns = new Map<string, ProviderStandIn>();
let elsewhere: WebhookReceiver;
let root: string;

beforeAll(async () => {
  for (const [provider] of CASES) standIns.set(provider, await startProviderStandIn(provider));
  elsewhere = await startWebhookReceiver();
  root = mkdtempSync(join(tmpdir(), 'kh-scan-verify-'));
  mkdirSync(join(root, 'keys'));
  for (const [provider] of CASES)
    writeFileSync(join(root, 'keys', `${provider}.txt`), `TOKEN=${keyOf.get(provider)}\n`);
  // The same OpenAI key a second time: one finding more, no request more.
  writeFileSync(join(root, 'keys', 'zz-openai-again.txt'), `OPENAI_API_KEY=${keyOf.get('openai')}\n`);
  writeFileSync(join(root, 'keys', 'aws.txt'), `AWS_ACCESS_KEY_ID=${awsKey}\n`);
});

afterAll(async () => {
  for (const standIn of standIns.values()) await standIn.close();
  await elsewhere.close();
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  for (const [provider, , answer] of CASES) {
    const standIn = standIns.get(provider)!;
    standIn.requests.length = 0;
    standIn.answers.clear();
    standIn.answers.set(keyOf.get(provider)!, answer);
  }
});

const verifyUrls = (urls: Record<string, string> = {}) =>
  CASES.flatMap(([provider]) => ['--verify-url', `${provider}=${urls[provider] ?? standIns.get(provider)!.url}`]);
const scan = (args: string[], cwd = root) => runCliAsync(['scan', '.', '--no-config', ...args], { cwd });

/** No key, nor a long piece of one, in anything the process wrote. */
function expectNoKeyShown(...runs: CliRun[]): void {
  for (const run of runs) {
    for (const key of [...keyOf.values(), awsKey]) {
      expect(run.stdout + run.stderr).not.toContain(key);
      expect(run.stdout + run.stderr).not.toContain(key.slice(4, -4));
    }
  }
}

describe('key-hygiene scan --verify', () => {
  it('marks each finding live, revoked or unknown in text, JSON and SARIF, live keys first, the keys never shown', async () => {
    const [json, text, sarif] = await Promise.all([
      scan(['--verify', ...verifyUrls(), '--format', 'json']),
      scan(['--verify', ...verifyUrls()]),
      scan(['--verify', ...verifyUrls(), '--format', 'sarif']),
    ]);
    for (const run of [json, text, sarif]) expect([run.code, run.stderr]).toEqual([1, '']);
    expectNoKeyShown(json, text, sarif);

    const findings = (JSON.parse(json.stdout) as { findings: Array<Record<string, unknown>> }).findings;
    const statusOf = (path: string) =>
      (findings.find((f) => f.path === path)?.verification as { status?: string } | undefined)?.status;
    for (const [provider, , answer] of CASES)
      expect([provider, statusOf(`keys/${provider}.txt`)]).toEqual([provider, EXPECTED[answer]]);
    expect(statusOf('keys/zz-openai-again.txt')).toBe('live');
    expect(findings.find((f) => f.path === 'keys/aws.txt')).not.toHaveProperty('verification');
    // Live keys first, revoked ones last, each group by path.
    const order = findings.map((f) => (f.verification as { status?: string } | undefined)?.status ?? 'unchecked');
    const rank = { live: 0, unknown: 1, unchecked: 1, revoked: 2 } as Record<string, number>;
    expect(order.map((s) => rank[s])).toEqual([...order.map((s) => rank[s]!)].sort());
    expect(order.filter((s) => s === 'live')).toHaveLength(8);
    const rateLimited = findings.find((f) => f.path === 'keys/github.txt')!.verification as { detail: string };
    expect(rateLimited.detail).toBe(`rate-limited: 429 from GET ${standIns.get('github')!.url}/rate_limit`);

    // One request per distinct key, to its own provider's stand-in, in the header the vendor documents.
    for (const [provider] of CASES) {
      const requests = standIns.get(provider)!.requests;
      expect(requests.map((r) => r.key)).toEqual(Array(3).fill(keyOf.get(provider)));
      expect(requests.every((r) => !r.path.includes(keyOf.get(provider)!) && r.body === '')).toBe(true);
    }

    const lines = text.stdout.split('\n');
    expect(lines.findIndex((l) => /^keys\//.test(l))).toBe(lines.findIndex((l) => /^keys\/figma\.txt$/.test(l)));
    expect(text.stdout).toMatch(
      /figma-access-token +live +medium confidence\n +Still live: its provider accepts it \(200 from GET http:\/\/127\.0\.0\.1:\d+\/v1\/me\)/,
    );
    expect(text.stdout).toMatch(
      /anthropic-api-key +revoked +medium confidence\n +Revoked: its provider refuses it \(401 from GET /,
    );
    expect(text.stdout).toContain('Revoked: its provider refuses it (200 from POST');
    expect(text.stdout).toContain('ok: false (invalid_auth)');
    expect(text.stdout).toMatch(/16 findings in 16 files \(8 live, 6 revoked, 1 unknown\) · scanned/);

    const results = (JSON.parse(sarif.stdout) as Log).runs[0]!.results!;
    const stripe = results.find((r) => r.locations![0]!.physicalLocation!.artifactLocation!.uri === 'keys/stripe.txt')!;
    expect(stripe.properties).toEqual({
      confidence: 'medium',
      keyStatus: 'live',
      keyStatusDetail: `200 from GET ${standIns.get('stripe')!.url}/v1/balance`,
    });
    expect(stripe.message.text).toMatch(
      /^Stripe live secret or restricted key sk_live_…\w{4}\. Still live: its provider accepts it/,
    );
    expect(results[0]!.properties!.keyStatus).toBe('live');
  });

  it('follows no redirect, and a provider that never answers leaves the key unknown', async () => {
    standIns.get('openai')!.answers.set(keyOf.get('openai')!, { redirect: `${elsewhere.url}?moved` });
    standIns.get('gitlab')!.answers.set(keyOf.get('gitlab')!, 'hang');
    const run = await scan(['--verify', ...verifyUrls(), '--format', 'json']);
    expect(run.code).toBe(1);
    expectNoKeyShown(run);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ path: string; verification?: unknown }> }).findings;
    const verification = (path: string) => findings.find((f) => f.path === path)?.verification;
    expect(verification('keys/openai.txt')).toEqual({
      status: 'unknown',
      detail: `302 from GET ${standIns.get('openai')!.url}/v1/models (a redirect, not followed)`,
    });
    expect(elsewhere.received).toEqual([]);
    expect(verification('keys/gitlab.txt')).toEqual({
      status: 'unknown',
      detail: `GET ${standIns.get('gitlab')!.url}/api/v4/user failed: no answer within 10 s`,
    });
    expect(findings).toHaveLength(16); // unknown never hides a finding
  }, 60_000);

  it('sends nothing anywhere without --verify', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'kh-fetch-log-')), 'fetch.log');
    const run = await runCliAsync(['scan', '.', '--no-config', '--format', 'json'], {
      cwd: root,
      env: { ...process.env, KEY_HYGIENE_TEST_FETCH_LOG: log },
      nodeArgs: ['--import', RECORD_FETCH],
    });
    expect(run.code).toBe(1);
    expect(existsSync(log)).toBe(false);
    for (const standIn of standIns.values()) expect(standIn.requests).toEqual([]);
    expect(run.stdout).not.toContain('verification');
  });

  it("without --verify-url, sends each key to its own provider's public API and nowhere else", async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'kh-fetch-log-')), 'fetch.log');
    const run = await runCliAsync(['scan', '.', '--no-config', '--verify', '--format', 'json'], {
      cwd: root,
      env: { ...process.env, KEY_HYGIENE_TEST_FETCH_LOG: log },
      nodeArgs: ['--import', RECORD_FETCH],
    });
    expect(run.code).toBe(1);
    expectNoKeyShown(run);
    const asked = readFileSync(log, 'utf8').trim().split('\n').sort();
    const expected = CASES.map(([provider]) => {
      const check = findProvider(provider)!.liveCheck!;
      return `${check.method ?? 'GET'} ${check.defaultUrl}${check.path}`;
    }).sort();
    expect(asked).toEqual(expected);
    const findings = (
      JSON.parse(run.stdout) as { findings: Array<{ verification?: { status: string; detail: string } }> }
    ).findings;
    expect(findings.filter((f) => f.verification).map((f) => f.verification!.status)).toEqual(
      Array(15).fill('unknown'),
    );
    expect(findings[0]!.verification!.detail).toMatch(/ failed: ENETUNREACH$/);
  });

  it("never sends what a repository's own detector finds, even one named after a provider", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kh-scan-verify-custom-'));
    mkdirSync(join(dir, '.github'));
    writeFileSync(
      join(dir, '.github', 'key-hygiene.yml'),
      "scan:\n  detectors:\n    - id: openai-internal\n      key-kind: Acme token\n      pattern: 'acme_(?<secret>[a-z0-9]{32})'\n      keywords: [acme_]\n      severity: high\n",
    );
    writeFileSync(join(dir, 'app.txt'), 'TOKEN=acme_q7w3e9r1t5y8u2i6o4p0a1s3d5f7g9h2\n');
    const log = join(dir, 'fetch.log');
    const run = await runCliAsync(['scan', '.', '--verify', '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, KEY_HYGIENE_TEST_FETCH_LOG: log },
      nodeArgs: ['--import', RECORD_FETCH],
    });
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ detector: string; verification?: unknown }> })
      .findings;
    expect(findings.map((f) => [f.detector, f.verification])).toEqual([['openai-internal', undefined]]);
    expect(existsSync(log)).toBe(false);
  });

  it.each([
    [['--verify-url', 'openai=http://127.0.0.1:1'], '--verify-url is used with --verify'],
    [
      ['--verify', '--verify-url', 'aws=http://127.0.0.1:1'],
      "--verify-url 'aws=http://127.0.0.1:1' does not start with a provider that has a live check",
    ],
    [
      ['--verify', '--verify-url', 'openai=ftp://127.0.0.1'],
      "--verify-url 'openai=ftp://127.0.0.1' names 'ftp://127.0.0.1', which is not an http or https URL",
    ],
  ])('refuses %j with one line', async (args, message) => {
    const run = await scan(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`key-hygiene: ${message}`);
  });
});
