import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkoutWorkspace, createOrigin } from '../../support/checkout.js';
import { useTestRepos } from '../../support/git-repo.js';
import { makeKey } from '../../support/make-keys.js';
import { startProviderStandIn, type ProviderStandIn } from '../../support/provider-stand-in.js';
import { runActionAsync } from '../../support/run-action.js';
import { expectKeyHidden, pushPayload, sarifOf } from './support.js';

// `mode: scan` with `verify-keys: true`, the bundled Action run as a runner runs it, each provider's
// live check played by a real HTTP stand-in on 127.0.0.1 named in `verify-urls`.

const newRepo = useTestRepos();
const openaiKey = makeKey('openai-project-key', 61);
const anthropicKey = makeKey('anthropic-api-key', 62);
const githubKey = makeKey('github-token', 63);
const webhookSecret = makeKey('stripe-webhook-secret', 64);
const standIns: Record<string, ProviderStandIn> = {};

beforeAll(async () => {
  for (const provider of ['openai', 'anthropic', 'github']) standIns[provider] = await startProviderStandIn(provider);
});
afterAll(async () => {
  for (const standIn of Object.values(standIns)) await standIn.close();
});
beforeEach(() => {
  for (const standIn of Object.values(standIns)) standIn.requests.length = 0;
  standIns.openai!.answers.set(openaiKey, 'live');
  standIns.anthropic!.answers.set(anthropicKey, 'revoked');
  standIns.github!.answers.set(githubKey, 'rate-limited');
});

/** A push that adds four keys, scanned by the Action with these inputs. */
async function pushWithKeys(inputs: Record<string, string>) {
  const dev = newRepo();
  const origin = createOrigin(dev);
  dev.write('README.md', '# app\n');
  const before = dev.commit('initial');
  dev.git('push', '--quiet', 'origin', 'main');
  dev.write('a-anthropic.env', `ANTHROPIC_API_KEY=${anthropicKey}\n`);
  dev.write('b-github.env', `GITHUB_TOKEN=${githubKey}\n`);
  dev.write('c-stripe.env', `STRIPE_WEBHOOK_SECRET=${webhookSecret}\n`);
  dev.write('z-openai.env', `OPENAI_API_KEY=${openaiKey}\n`);
  const after = dev.commit('leak');
  dev.git('push', '--quiet', 'origin', 'main');
  const workspace = checkoutWorkspace(dev, origin, { sha: after, branch: 'main' });
  const payload = pushPayload({ ref: 'refs/heads/main', before, after });
  const run = await runActionAsync({ workspace, eventName: 'push', payload, sha: after, ref: payload.ref, inputs });
  return { run, workspace };
}

const verifyUrls = () =>
  Object.entries(standIns)
    .map(([provider, s]) => `${provider}=${s.url}`)
    .join('\n');

describe('mode: scan with verify-keys', () => {
  it('says in annotations, summary and SARIF whether each leaked key still works, live keys first', async () => {
    const { run, workspace } = await pushWithKeys({ 'verify-keys': 'true', 'verify-urls': verifyUrls() });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    for (const key of [openaiKey, anthropicKey, githubKey, webhookSecret]) expectKeyHidden(run, workspace, key);

    const findings = run.annotations.filter((a) => a.properties.file);
    expect(findings.map((a) => [a.properties.file, a.properties.title])).toEqual([
      ['z-openai.env', 'OpenAI project key (live)'],
      ['b-github.env', 'GitHub token (unknown)'],
      ['c-stripe.env', 'Stripe webhook signing secret'],
      ['a-anthropic.env', 'Anthropic API key (revoked)'],
    ]);
    expect(findings[0]!.message).toContain(
      `Still live: its provider accepts it (200 from GET ${standIns.openai!.url}/v1/models).`,
    );
    expect(findings[1]!.message).toContain(`(rate-limited: 429 from GET ${standIns.github!.url}/rate_limit)`);

    expect(run.summary).toContain('## Key Hygiene: 4 keys found, 1 still live');
    expect(run.summary).toContain(
      '| File | Detector | Confidence | Key | Still works? | Commit | Author | What to do |',
    );
    const rows = run.summary.split('\n').filter((l) => l.startsWith('| [')); // one per finding
    expect(rows.map((r) => /\[([^:\]]+):/.exec(r)?.[1])).toEqual([
      'z-openai.env',
      'b-github.env',
      'c-stripe.env',
      'a-anthropic.env',
    ]);
    expect(rows[0]).toContain('| Still live: its provider accepts it (200 from GET');
    expect(rows[2]).toContain('| not checked |');
    expect(run.summary).toContain('(1 live, 1 revoked, 1 unknown)');

    const results = JSON.parse(sarifOf(workspace)).runs[0].results as Array<{ properties?: Record<string, string> }>;
    expect(results.map((r) => r.properties?.keyStatus)).toEqual(['live', 'unknown', undefined, 'revoked']);
    for (const standIn of Object.values(standIns)) expect(standIn.requests).toHaveLength(1);
  });

  it('asks nobody without verify-keys', async () => {
    const { run } = await pushWithKeys({ 'verify-urls': verifyUrls() });
    expect(run.code).toBe(1);
    for (const standIn of Object.values(standIns)) expect(standIn.requests).toEqual([]);
    expect(run.summary).not.toContain('Still works?');
    expect(run.annotations.filter((a) => a.properties.file).map((a) => a.properties.title)).not.toContain(
      'OpenAI project key (live)',
    );
  });

  it('fails the step with one line on a verify-urls line it cannot read', async () => {
    const { run } = await pushWithKeys({ 'verify-keys': 'true', 'verify-urls': 'openai=file:///etc/passwd' });
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.message)).toEqual([
      "input 'verify-urls': line 'openai=file:///etc/passwd' names 'file:///etc/passwd', which is not an http or https URL",
    ]);
  });
});
