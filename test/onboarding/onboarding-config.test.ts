import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../src/inventory/inventory.js';
import { guessProvider } from '../../src/onboarding/guess-provider.js';
import { onboardingKeys } from '../../src/onboarding/onboarding-keys.js';
import { renderOnboardingConfig } from '../../src/onboarding/render-onboarding-config.js';
import { parseActionLocation, webOfGitHub } from '../../src/onboarding/parse-action-location.js';
import { ACTION_PLACEHOLDER, renderOnboardingWorkflow } from '../../src/onboarding/render-onboarding-workflow.js';
import { yamlScalar } from '../../src/onboarding/yaml-scalar.js';
import { parseConfig } from '../../src/policy/parse-config.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { parse as parseYaml } from 'yaml';

const at = new Date('2026-06-01T00:00:00Z');
const GITHUB = 'https://github.com';
const env = (name: string) => ({ name, requiredReviewers: false, branchPolicy: false });
const inventory: Inventory = {
  repository: 'acme/api',
  environments: [env('staging'), env('production')],
  secrets: [
    { scope: 'environment', environment: 'production', name: 'OPENAI_API_KEY', updatedAt: at },
    { scope: 'environment', environment: 'staging', name: 'openai_api_key', updatedAt: at },
    { scope: 'repo', name: 'STRIPE_SECRET', updatedAt: at },
    { scope: 'repo', name: 'DEPLOY_REGION', updatedAt: at },
    { scope: 'org', name: 'ORG_WIDE_TOKEN', updatedAt: at },
    { scope: 'dependabot', name: 'NPM_TOKEN', updatedAt: at },
    { scope: 'environment', environment: 'production', name: 'SERVICE_PASSWORD', updatedAt: at },
  ],
};

describe('guessProvider', () => {
  it.each([
    ['OPENAI_API_KEY', 'openai'],
    ['PROD_OPENAI_KEY', 'openai'],
    ['AZURE_OPENAI_KEY', 'azure-openai'],
    ['ANTHROPIC_API_KEY', 'anthropic'],
    ['CLAUDE_KEY', 'anthropic'],
    ['GH_TOKEN', 'github'],
    ['HF_TOKEN', 'huggingface'],
    ['AWS_SECRET_ACCESS_KEY', 'aws'],
    ['STRIPE_SECRET', 'stripe'],
    ['OPENAIRE_KEY', undefined],
    ['API_KEY', undefined],
  ])('%s → %s', (name, provider) => {
    expect(guessProvider(name)).toBe(provider);
  });
});

describe('onboardingKeys', () => {
  it('lists each tracked repository or environment secret once, with the environments that hold it and the policy’s rotation', () => {
    expect(onboardingKeys(inventory, defaultConfig)).toEqual([
      {
        secret: 'OPENAI_API_KEY',
        provider: 'openai',
        environments: ['staging', 'production'],
        'rotate-every': '90d',
        'remind-before': '14d',
        owners: [],
      },
      {
        secret: 'STRIPE_SECRET',
        provider: 'stripe',
        environments: [],
        'rotate-every': '90d',
        'remind-before': '14d',
        owners: [],
      },
    ]);
  });

  it('keeps what the current policy says of a key it lists (provider, owners, rotation) and adds names it lists', () => {
    const policy = parseConfig(
      'keys:\n  - secret: SERVICE_PASSWORD\n    provider: acme\n    rotate-every: 30d\n    owners: ["@acme/platform"]\nrotate-every: 60d\n',
    );
    const keys = onboardingKeys(inventory, policy);
    expect(keys.find((k) => k.secret === 'SERVICE_PASSWORD')).toEqual({
      secret: 'SERVICE_PASSWORD',
      provider: 'acme',
      environments: ['production'],
      'rotate-every': '30d',
      'remind-before': '14d',
      owners: ['@acme/platform'],
    });
    expect(keys.find((k) => k.secret === 'OPENAI_API_KEY')?.['rotate-every']).toBe('60d');
  });
});

describe('renderOnboardingConfig', () => {
  it('renders a file the shared schema accepts, extending the organisation policy', () => {
    const text = renderOnboardingConfig({ repository: 'acme/api', keys: onboardingKeys(inventory, defaultConfig) });
    // No repository is known to document it: the README is named, not linked.
    expect(text).toContain('# Every field: "Suppressing a finding" in the Key Hygiene README.\n');
    expect(text).not.toContain('https://');
    expect(text).toContain('_extends: .github\n');
    expect(text).toContain(
      '  - secret: OPENAI_API_KEY\n    provider: openai\n    environments: [staging, production]\n    rotate-every: 90d\n    remind-before: 14d\n',
    );
    const config = parseConfig(text);
    expect(config._extends).toBe('.github');
    expect(config.keys.map((k) => [k.secret, k.environments])).toEqual([
      ['OPENAI_API_KEY', ['staging', 'production']],
      ['STRIPE_SECRET', []],
    ]);
  });

  it('quotes names YAML would read as something else, and reads them back unchanged', () => {
    const odd = ['prod env', 'yes', 'On', '2026', 'a: b', 'x,y', '"quoted"', '#hash', '@acme/team', 'déploiement'];
    const keys = [
      {
        secret: 'A_KEY',
        provider: 'null',
        environments: odd,
        'rotate-every': '12h',
        'remind-before': '1d',
        owners: ['@acme/team', 'mona'],
      },
    ];
    const config = parseConfig(renderOnboardingConfig({ repository: 'acme/api', keys }));
    expect(config.keys[0]).toMatchObject({ provider: 'null', environments: odd, owners: ['@acme/team', 'mona'] });
    for (const text of [...odd, '90d', 'true', '1e3', '0x1F', '~', ''])
      expect(parseYaml(`v: ${yamlScalar(text)}`)).toEqual({ v: text });
  });

  it('links the fields to the README of the repository KEY_HYGIENE_ACTION names', () => {
    const text = renderOnboardingConfig({
      repository: 'acme/api',
      keys: [],
      action: parseActionLocation('acme/key-hygiene@v0', GITHUB)!,
    });
    expect(text).toContain('# Every field: https://github.com/acme/key-hygiene#suppressing-a-finding\n');
  });

  it('says so when no key was found, and stays valid', () => {
    const text = renderOnboardingConfig({ repository: 'acme/api', keys: [] });
    expect(text).toContain('keys: []');
    expect(parseConfig(text).keys).toEqual([]);
  });
});

describe('renderOnboardingWorkflow', () => {
  type Workflow = {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: { scan: { steps: Array<{ uses: string; with?: Record<string, string> }> } };
  };

  it('runs the Action where KEY_HYGIENE_ACTION says it lives, on push and pull request with read-only contents', () => {
    const text = renderOnboardingWorkflow(parseActionLocation('acme/key-hygiene@v0', GITHUB));
    const workflow = parseYaml(text) as Workflow;
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs.scan.steps.map((s) => s.uses)).toEqual(['actions/checkout@v5', 'acme/key-hygiene@v0']);
    expect(workflow.jobs.scan.steps[1]!.with).toEqual({ 'fail-on': 'error' });
    expect(text).toContain(
      '# Fails a push or pull request that adds an API key: https://github.com/acme/key-hygiene#use-the-action\n',
    );
  });

  it('without a location, names an owner GitHub cannot have and links nowhere (the text to copy)', () => {
    const text = renderOnboardingWorkflow(undefined);
    expect((parseYaml(text) as Workflow).jobs.scan.steps[1]!.uses).toBe(ACTION_PLACEHOLDER);
    expect(ACTION_PLACEHOLDER).toBe('<owner>/key-hygiene@v0');
    expect(parseActionLocation(ACTION_PLACEHOLDER, GITHUB)).toBeUndefined();
    expect(text).not.toContain('https://');
  });
});

describe('parseActionLocation', () => {
  it.each([
    [
      'acme/key-hygiene@v0',
      { owner: 'acme', repo: 'key-hygiene', ref: 'v0', home: 'https://github.com/acme/key-hygiene' },
    ],
    [
      'Acme-Tools/key_hygiene.fork@release/1.2',
      {
        owner: 'Acme-Tools',
        repo: 'key_hygiene.fork',
        ref: 'release/1.2',
        home: 'https://github.com/Acme-Tools/key_hygiene.fork',
      },
    ],
    [
      'acme/key-hygiene@0123456789abcdef0123456789abcdef01234567',
      { owner: 'acme', repo: 'key-hygiene', ref: '0123456789abcdef0123456789abcdef01234567' },
    ],
  ])('%s', (text, expected) => {
    expect(parseActionLocation(text, GITHUB)).toMatchObject(expected);
  });

  it.each([
    'key-hygiene',
    'acme/key-hygiene',
    'acme/key-hygiene@',
    '@v0',
    'acme@v0',
    'acme/key-hygiene/sub@v0',
    '-acme/key-hygiene@v0',
    'acme-/key-hygiene@v0',
    'a'.repeat(40) + '/key-hygiene@v0',
    'acme/..@v0',
    'acme/key hygiene@v0',
    'acme/key-hygiene@v0 # pinned',
    'acme/key-hygiene@v0\n  - run: curl x',
    'acme/key-hygiene@-v0',
    'acme/key-hygiene@a..b',
    'acme/key-hygiene@v0/',
    'acme/key-hygiene@v0.lock',
    'acme/key-hygiene@v0@v1',
    'acme/key-hygiene@`v0`',
    'https://github.com/acme/key-hygiene@v0',
  ])('refuses %j', (text) => {
    expect(parseActionLocation(text, GITHUB)).toBeUndefined();
  });

  it('links to the GitHub Enterprise Server the App talks to, and to nothing when its host is not a plain host name', () => {
    expect(parseActionLocation('acme/key-hygiene@v0', webOfGitHub('ghe.acme.internal', undefined))?.home).toBe(
      'https://ghe.acme.internal/acme/key-hygiene',
    );
    expect(parseActionLocation('acme/key-hygiene@v0', webOfGitHub('127.0.0.1:8080', 'http'))?.home).toBe(
      'http://127.0.0.1:8080/acme/key-hygiene',
    );
    expect(parseActionLocation('acme/key-hygiene@v0', webOfGitHub('evil.example/x?', undefined))).not.toHaveProperty(
      'home',
    );
    // The sweep action on a runner: the server the workflow runs on.
    expect(webOfGitHub(undefined, undefined, 'https://ghe.acme.internal')).toBe('https://ghe.acme.internal');
    expect(webOfGitHub(undefined, undefined, 'https://github.com/')).toBe('https://github.com');
    expect(webOfGitHub(undefined, undefined, 'javascript:alert(1)//x')).toBeUndefined();
    expect(webOfGitHub(undefined, undefined)).toBe('https://github.com');
  });
});
