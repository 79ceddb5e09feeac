import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../app/cli/main.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import { TestOctokit } from '../../app/support/app-world.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { runActionAsync } from '../../support/run-action.js';

// One seeded organisation judged by both fronts — the bundled Action's `mode: environments`, run as
// a runner runs it, and the App's `sweep --once` — with the same policy (and with none): the
// verdicts (secret, where, status) and the unprotected production-like environments must be equal.

const DAY = 86_400_000;

const POLICY = `
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [development, staging, production]
    rotate-every: 90d
    remind-before: 14d
  - secret: ANTHROPIC_API_KEY
    environments: [staging, production]
  - secret: STRIPE_KEY
    rotate-every: 30d
`;

const PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  dependabot_secrets: 'read',
  organization_secrets: 'read',
  issues: 'write',
  contents: 'read',
  metadata: 'read',
  members: 'read',
} as const;

let gh: GitHubEmulator;
let installation: number;
let sweepOutput = '';

/**
 * acme/app has the policy; acme/bare has none. Both: several environments (one the policy does not
 * name, `qa`; an ungated `production`), environment, repository, Dependabot and organisation secrets,
 * stale and fresh, and a per-environment key also kept at repository level (one value shared by all).
 */
function seed(): void {
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  gh.seed.app({ slug: 'key-hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.user('mona');
  gh.seed.repo({ fullName: 'acme/app', files: { '.github/key-hygiene.yml': POLICY } });
  gh.seed.repo({ fullName: 'acme/bare' });
  installation = gh.seed.installation({
    account: 'acme',
    permissions: { ...PERMISSIONS },
    repositories: ['app', 'bare'],
  }).id;
  for (const repo of ['acme/app', 'acme/bare']) {
    gh.seed.environment({ repo, name: 'development' });
    gh.seed.environment({ repo, name: 'staging' });
    gh.seed.environment({ repo, name: 'production' });
    gh.seed.environment({ repo, name: 'prod-eu', reviewers: ['mona'] });
    gh.seed.environment({ repo, name: 'qa' });
    const env = (environment: string, name: string, days: number) =>
      gh.seed.secret({ scope: 'environment', repo, environment, name, updatedAt: ago(days) });
    env('development', 'OPENAI_API_KEY', 10);
    env('staging', 'OPENAI_API_KEY', 80);
    env('production', 'OPENAI_API_KEY', 120);
    env('qa', 'OPENAI_API_KEY', 200);
    env('prod-eu', 'OPENAI_API_KEY', 30);
    env('production', 'ANTHROPIC_API_KEY', 5);
    env('qa', 'GROQ_API_KEY', 85);
    env('staging', 'DEPLOY_TOKEN', 2);
    gh.seed.secret({ scope: 'repo', repo, name: 'ANTHROPIC_API_KEY', updatedAt: ago(30) });
    gh.seed.secret({ scope: 'repo', repo, name: 'STRIPE_KEY', updatedAt: ago(45) });
    gh.seed.secret({ scope: 'repo', repo, name: 'SENTRY_AUTH_TOKEN', updatedAt: ago(100) });
    gh.seed.secret({ scope: 'dependabot-repo', repo, name: 'NPM_TOKEN', updatedAt: ago(95) });
  }
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'ANTHROPIC_API_KEY', visibility: 'all', updatedAt: ago(200) });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SLACK_BOT_TOKEN', visibility: 'all', updatedAt: ago(97) });
}

/** `secret|where|status`, where = the environment, else the scope, else `(none)` (a key defined nowhere). */
type Verdict = string;

const SCOPE: Record<string, string> = {
  repository: 'repo',
  organisation: 'org',
  Dependabot: 'dependabot',
  environment: 'environment',
};
const STATUS: Record<string, string> = {
  '✅ ok': 'ok',
  '⚠️ due soon': 'due-soon',
  '❌ overdue': 'overdue',
  '❌ shared across environments': 'shared-across-environments',
  '❌ missing': 'missing',
  '🟢 ok': 'ok',
  '🟡 due soon': 'due-soon',
  '🔴 overdue': 'overdue',
  '🔴 shared': 'shared-across-environments',
  '🔴 missing': 'missing',
};
const cellsOf = (line: string) =>
  line.split(' | ').map((cell) =>
    cell
      .replace(/^\| |\s\|$/g, '')
      .replace(/`/g, '')
      .trim(),
  );
const known = (map: Record<string, string>, text: string) => map[text] ?? `unknown ${text}`;

/** From the Action's job summary: `| Environment | Secret | Present | Scope | Last rotated | Due | Status |`. */
function actionVerdicts(summary: string): { keys: Verdict[]; unprotected: string[] } {
  const keys = summary
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Environment') && !l.startsWith('|---'))
    .map((line) => {
      const [environment = '', secret = '', , scope = '', , , status = ''] = cellsOf(line);
      const where = environment.startsWith('(') ? (scope === '—' ? '(none)' : known(SCOPE, scope)) : environment;
      return `${secret}|${where}|${known(STATUS, status)}`;
    });
  const unprotected = [...summary.matchAll(/^- Environment (\S+) looks like production/gm)].map((m) => m[1]!);
  return { keys: keys.sort(), unprotected: unprotected.sort() };
}

/** From the App's dashboard issue: `| secret | scope | environment | last rotated | due | status | issue |`. */
function appVerdicts(dashboard: string): { keys: Verdict[]; unprotected: string[] } {
  const table = dashboard.slice(dashboard.indexOf('| secret |'));
  const keys = table
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| secret') && !l.startsWith('|---'))
    .map((line) => {
      const [secret = '', scope = '', environment = '', , , status = ''] = cellsOf(line);
      const where = environment !== '—' ? environment : scope === 'environment' ? '(none)' : scope;
      return `${secret}|${where}|${known(STATUS, status)}`;
    });
  const section = dashboard.slice(
    dashboard.indexOf('## 🔴 Production-like environments without protection'),
    dashboard.indexOf('## Tracked keys'),
  );
  const unprotected = [...section.matchAll(/^- `([^`]+)`(?: — #\d+)?$/gm)].map((m) => m[1]!);
  return { keys: keys.sort(), unprotected: unprotected.sort() };
}

/** The App's open issues about unprotected environments, as `environment → #issue` from the dashboard and the issues. */
function appEnvironmentIssues(repo: string): { linked: string[]; open: string[] } {
  const dashboard = dashboardOf(repo);
  const linked = [...dashboard.matchAll(/^- `([^`]+)` — #(\d+)$/gm)].map((m) => `${m[1]}#${m[2]}`);
  const id = gh.store.repo('acme', repo)!.id;
  const open = gh.store.issues
    .filter((i) => i.repoId === id && i.state === 'open' && i.labels.includes('unprotected-environment'))
    .map((i) => `${parseKeyMarker(i.body)?.environment}#${i.number}`);
  return { linked: linked.sort(), open: open.sort() };
}

async function runAction(repo: string, policy: string | undefined) {
  const workspace = mkdtempSync(join(tmpdir(), 'kh-parity-'));
  try {
    if (policy !== undefined) {
      mkdirSync(join(workspace, '.github'), { recursive: true });
      writeFileSync(join(workspace, '.github', 'key-hygiene.yml'), policy);
    }
    // The README's recipe: actions/create-github-app-token with these permission-* inputs.
    const token = gh.seed.installationToken(installation, {
      permissions: { actions: 'read', secrets: 'read', environments: 'read', dependabot_secrets: 'read' },
    });
    return await runActionAsync({
      workspace,
      eventName: 'schedule',
      payload: { schedule: '0 6 * * *' },
      repository: `acme/${repo}`,
      inputs: { mode: 'environments', token, 'fail-on': 'never' },
      env: { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY_ID: String(gh.store.repo('acme', repo)!.id) },
    });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

function dashboardOf(repo: string): string {
  const id = gh.store.repo('acme', repo)!.id;
  const issue = gh.store.issues.find((i) => i.repoId === id && i.title === 'Key hygiene dashboard');
  if (!issue?.body) throw new Error(`no dashboard in acme/${repo}; the sweep said:\n${sweepOutput}`);
  return issue.body;
}

beforeAll(async () => {
  gh = await startGitHubEmulator();
  seed();
  const app = [...gh.store.apps.values()][0]!;
  const env = {
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey.replace(/\n/g, '\\n'),
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
  };
  const out: string[] = [];
  const io = {
    out: { write: (t: string) => out.push(t) },
    err: { write: (t: string) => out.push(t) },
    now: () => gh.clock.now(),
    Octokit: TestOctokit,
  };
  const code = await main(['sweep', '--once'], env, io);
  sweepOutput = out.join('');
  expect(code, sweepOutput).toBe(0);
});

afterAll(async () => {
  await gh.close();
});

describe('the Action and the App judge one repository alike', () => {
  it.each([
    ['with the policy', 'app', POLICY],
    ['with no policy file', 'bare', undefined],
  ])('%s', async (_name, repo, policy) => {
    const action = await runAction(repo, policy);
    expect(action.code, action.stdout).toBe(0);
    const fromAction = actionVerdicts(action.summary);
    const fromApp = appVerdicts(dashboardOf(repo));
    expect(fromAction).toEqual(fromApp);
    // Not vacuous: the stale production key, the environment the policy does not name and the
    // ungated production environment are among them.
    expect(fromAction.keys).toContain('OPENAI_API_KEY|production|overdue');
    expect(fromAction.keys).toContain('OPENAI_API_KEY|qa|overdue');
    expect(fromAction.unprotected).toEqual(['production']);
    // The Action fails the step on it; the App opens an issue for it, linked from the dashboard.
    const issues = appEnvironmentIssues(repo);
    expect(issues.open).toHaveLength(1);
    expect(issues.open[0]).toMatch(/^production#\d+$/);
    expect(issues.linked).toEqual(issues.open);
  });

  it('reports the policy verdicts the seed was built for', async () => {
    const { keys } = appVerdicts(dashboardOf('app'));
    expect(keys).toEqual([
      'ANTHROPIC_API_KEY|org|shared-across-environments',
      'ANTHROPIC_API_KEY|production|ok',
      'ANTHROPIC_API_KEY|repo|shared-across-environments',
      'ANTHROPIC_API_KEY|staging|missing',
      'DEPLOY_TOKEN|staging|ok',
      'GROQ_API_KEY|qa|due-soon',
      'NPM_TOKEN|dependabot|overdue',
      'OPENAI_API_KEY|development|ok',
      'OPENAI_API_KEY|prod-eu|ok',
      'OPENAI_API_KEY|production|overdue',
      'OPENAI_API_KEY|qa|overdue',
      'OPENAI_API_KEY|staging|due-soon',
      'SENTRY_AUTH_TOKEN|repo|overdue',
      'STRIPE_KEY|repo|overdue',
    ]);
  });
});
