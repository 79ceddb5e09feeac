import { describe, expect, it } from 'vitest';
import { ONBOARDING_MARKER, renderOnboardingBody } from '../../src/onboarding/render-onboarding-body.js';
import { onboardingState, type OnboardingPull } from '../../src/onboarding/onboarding-state.js';
import { parseActionLocation } from '../../src/onboarding/parse-action-location.js';
import { workflowUses } from '../../src/onboarding/workflow-uses.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { makeKey } from '../support/make-keys.js';

const CONFIG = `
_extends: .github
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [staging, production]
    rotate-every: 90d
    remind-before: 14d
  - secret: STRIPE_SECRET
    provider: stripe
    rotate-every: 30d
    remind-before: 7d
    owners: ['@acme/payments']
escalate-to: ['@acme/security']
`;
/** Where the operator hosts the Action (`KEY_HYGIENE_ACTION`). */
const action = parseActionLocation('acme/key-hygiene@v0', 'https://github.com')!;

describe('renderOnboardingBody', () => {
  it('says what the files are, how to answer, what the App will do and what the Action checks', async () => {
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: { config: parseConfig(CONFIG) },
      workflow: true,
      action,
    });
    await expect(body).toMatchFileSnapshot('./expected/onboarding-body.md');
    expect(body).toContain('runs `acme/key-hygiene@v0` with `fail-on: error`');
    expect(body).toContain(
      '| `OPENAI_API_KEY` | `openai` | `staging`, `production` | 90d | 14d | CODEOWNERS, else admins |',
    );
    expect(body).toContain('| `STRIPE_SECRET` | `stripe` | repository secret | 30d | 7d | `@acme/payments` |');
    expect(body).toContain('Close it without merging** and the App will not ask again');
    // Teams are shown, never @-mentioned: every @ sits inside inline code.
    expect(body.replace(/`[^`\n]*`/g, '')).not.toContain('@');
    expect(body.trimEnd().endsWith(ONBOARDING_MARKER)).toBe(true);
  });

  it('follows the config: dry run, no dashboard, no keys', () => {
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: { config: parseConfig('dry-run: true\ndashboard: false\ntrack-names: []\n') },
      workflow: true,
    });
    expect(body).toContain('**Dry run** (`dry-run: true`)');
    expect(body).toContain('No dashboard issue (`dashboard: false`)');
    expect(body).toContain('No keys listed in `keys:` yet.');
    expect(body).toContain('Secrets not listed in `keys:` are not tracked');
  });

  it('shows a config error with its field and value instead of the plan', () => {
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: {
        error:
          '.github/key-hygiene.yml: field \'keys.0.rotate-every\' is "soon": expected a duration such as 90d, 2w or 12h',
      },
      workflow: true,
    });
    expect(body).toContain('### ⚠️ The config on this branch cannot be used');
    expect(body).toContain(
      '> .github/key-hygiene.yml: field \'keys.0.rotate-every\' is "soon": expected a duration such as 90d, 2w or 12h',
    );
    expect(body).not.toContain('### What the App will do');
  });

  it('never repeats a key pasted into the config, and neutralises HTML in the error', () => {
    const key = makeKey('openai-project-key', 7);
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: { error: `field 'keys.0.secret' is "${key}" <!-- x -->: expected a secret name` },
      workflow: true,
    });
    expect(body).not.toContain(key);
    expect(body).toContain(`…${key.slice(-4)}`);
    expect(body).not.toContain('<!-- x -->');
  });

  it('without the workflow on the branch (no Workflows permission), gives the file to add by hand', () => {
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: { config: parseConfig(CONFIG) },
      workflow: false,
      action,
    });
    expect(body).toContain(
      'This branch has no `.github/workflows/key-hygiene.yml`, so pushes are not checked by the Action (the App needs the Workflows permission to add one)',
    );
    expect(body).toContain('```yaml\n# Added by the Key Hygiene App');
    expect(body).toContain('      - uses: acme/key-hygiene@v0\n');
    expect(body).not.toContain('### What the Action checks');
  });

  it('not told where the Action lives: says so, and the file to copy names no repository and links nowhere', () => {
    const body = renderOnboardingBody({
      repository: 'acme/api',
      policy: { config: parseConfig(CONFIG) },
      workflow: false,
    });
    expect(body).toContain(
      'the App was not told where your organisation hosts the Key Hygiene Action (its `KEY_HYGIENE_ACTION` setting). To add it yourself, replace `<owner>/key-hygiene@v0` below',
    );
    expect(body).toContain('      - uses: <owner>/key-hygiene@v0\n');
    expect(body).not.toMatch(/https?:\/\//);
    expect(body).not.toContain('key-hygiene/key-hygiene');
  });

  it('says what the workflow on the branch runs, and warns when that is not where this App runs the Action from', () => {
    const input = { repository: 'acme/api', policy: { config: parseConfig(CONFIG) }, workflow: true, action };
    const ours = renderOnboardingBody({ ...input, workflowUses: ['acme/key-hygiene@v0'] });
    expect(ours).toContain('runs `acme/key-hygiene@v0` with');
    expect(ours).not.toContain('⚠️');
    // A branch an older version opened, before KEY_HYGIENE_ACTION: it named an account nobody here owns.
    const old = renderOnboardingBody({ ...input, workflowUses: ['key-hygiene/key-hygiene@v0'] });
    expect(old).toContain('runs `key-hygiene/key-hygiene@v0` with');
    expect(old).toContain(
      '⚠️ This App runs the Action from `acme/key-hygiene@v0`; the workflow on this branch names `key-hygiene/key-hygiene@v0` instead. Check that you trust it before merging.',
    );
  });

  it('is the same text for the same input, so an unchanged description is not rewritten', () => {
    const input = { repository: 'acme/api', policy: { config: parseConfig(CONFIG) }, workflow: true };
    expect(renderOnboardingBody(input)).toBe(renderOnboardingBody(input));
  });
});

describe('onboardingState', () => {
  const pull = (over: Partial<OnboardingPull>): OnboardingPull => ({
    number: 1,
    state: 'open',
    merged: false,
    author: 'key-hygiene[bot]',
    body: '',
    ...over,
  });
  const bot = 'key-hygiene[bot]';

  it('none, open, merged or opted out — only the bot’s pull requests count', () => {
    expect(onboardingState([], bot)).toEqual({ kind: 'none' });
    expect(onboardingState([pull({ author: 'mona' })], bot)).toEqual({ kind: 'none' });
    expect(onboardingState([pull({})], bot).kind).toBe('open');
    expect(onboardingState([pull({ state: 'closed', merged: true })], bot).kind).toBe('merged');
    expect(onboardingState([pull({ state: 'closed' })], bot).kind).toBe('opted-out');
  });

  it('an open one wins over older closed ones; a merge wins over a refusal', () => {
    expect(onboardingState([pull({ number: 1, state: 'closed' }), pull({ number: 5 })], bot)).toMatchObject({
      kind: 'open',
      pull: { number: 5 },
    });
    expect(
      onboardingState([pull({ number: 1, state: 'closed' }), pull({ number: 5, state: 'closed', merged: true })], bot),
    ).toMatchObject({ kind: 'merged', pull: { number: 5 } });
  });
});

describe('workflowUses', () => {
  it("lists the steps' uses outside GitHub's actions/ account, once each, as written", () => {
    const text =
      'steps:\n  - uses: actions/checkout@v5\n  - uses: \'acme/key-hygiene@v0\' # pinned\n  - name: again\n    uses: "acme/key-hygiene@v0"\n  - uses: other/thing@main\n# uses: commented/out@v1\n';
    expect(workflowUses(text)).toEqual(['acme/key-hygiene@v0', 'other/thing@main']);
  });

  it('is bounded on any text: at most 10 names of at most 200 characters', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `  - uses: o${i}/${'r'.repeat(300)}@v0`).join('\n');
    const uses = workflowUses(many);
    expect(uses).toHaveLength(10);
    expect(uses.every((u) => u.length <= 200)).toBe(true);
    expect(workflowUses(`${' '.repeat(200_000)}uses x`)).toEqual([]);
  });
});
