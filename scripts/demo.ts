// `npm run demo` (README, "See it first"): the GitHub App at work with no GitHub account and no
// network. It starts the local GitHub API emulator (test/support/github-emulator) on 127.0.0.1,
// seeds an org whose environments hold fresh, due-soon, overdue and shared keys (names and dates
// only: GitHub never gives an App a secret's value), starts the real app (`probot run`) against it,
// runs one sweep with `key-hygiene-app sweep --once`, sends the app a signed `/status` comment,
// prints what the bot wrote, and stops everything.
// Built by `tsc -p scripts/tsconfig.demo.json` into .build-demo/ (see the `demo` script).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startGitHubEmulator, type GitHubEmulator, type IssueRecord } from '../test/support/github-emulator/index.js';
import { freePort, waitUntilListening } from '../test/support/probot-process.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // .build-demo/scripts/ → the package
const DAY = 86_400_000;
const BOT = 'key-hygiene[bot]';
const started = Date.now();

// The permissions app.yml asks for.
const PERMISSIONS = {
  secrets: 'read',
  environments: 'read',
  actions: 'read',
  organization_secrets: 'read',
  dependabot_secrets: 'read',
  secret_scanning_alerts: 'read',
  issues: 'write',
  checks: 'write',
  contents: 'write',
  workflows: 'write',
  pull_requests: 'write',
  members: 'read',
  metadata: 'read',
} as const;

// Org-wide defaults in the org's .github repository; each repository's policy extends them.
const ORG_POLICY = `rotate-every: 90d
remind-before: 14d
reminders: { due-soon: 7d, overdue: 3d }
escalate-after: 14d
escalate-to: ['@acme/security']
`;

const PAYMENTS_POLICY = `_extends: .github
keys:
  - secret: STRIPE_API_KEY
    environments: [staging, production]
    owners: ['@acme/payments']
`;

const CHATBOT_POLICY = `_extends: .github
keys:
  - secret: OPENAI_API_KEY
    provider: openai
    environments: [staging, production]
    owners: ['@acme/ml-platform']
`;

/** An org with two repositories; returns one line per key for the reader. */
function seedOrg(gh: GitHubEmulator): string[] {
  const ago = (days: number) => new Date(gh.clock.now().getTime() - days * DAY);
  const day = (days: number) => ago(days).toISOString().slice(0, 10);
  gh.seed.app({ slug: 'key-hygiene', name: 'Key Hygiene', permissions: { ...PERMISSIONS } });
  gh.seed.repo({ fullName: 'acme/.github', files: { '.github/key-hygiene.yml': ORG_POLICY } });
  gh.seed.repo({ fullName: 'acme/payments', files: { '.github/key-hygiene.yml': PAYMENTS_POLICY } });
  gh.seed.repo({ fullName: 'acme/chatbot', files: { '.github/key-hygiene.yml': CHATBOT_POLICY } });
  gh.seed.installation({ account: 'acme', permissions: { ...PERMISSIONS } });
  for (const repo of ['acme/payments', 'acme/chatbot']) {
    gh.seed.environment({ repo, name: 'staging' });
    gh.seed.environment({ repo, name: 'production', reviewers: ['mona'] });
    gh.seed.collaborator(repo, 'wendy', 'write');
  }
  const secret = (repo: string, environment: string | undefined, name: string, days: number) =>
    environment === undefined
      ? gh.seed.secret({ scope: 'repo', repo, name, updatedAt: ago(days) })
      : gh.seed.secret({ scope: 'environment', repo, environment, name, updatedAt: ago(days) });
  secret('acme/payments', 'staging', 'STRIPE_API_KEY', 12);
  secret('acme/payments', 'production', 'STRIPE_API_KEY', 100);
  secret('acme/chatbot', 'staging', 'OPENAI_API_KEY', 30);
  secret('acme/chatbot', 'production', 'OPENAI_API_KEY', 80);
  secret('acme/chatbot', undefined, 'OPENAI_API_KEY', 200);
  const rows = [
    ['acme/payments', 'STRIPE_API_KEY', 'staging', day(12), 'fresh'],
    ['acme/payments', 'STRIPE_API_KEY', 'production', day(100), 'overdue (rotate every 90 days)'],
    ['acme/chatbot', 'OPENAI_API_KEY', 'staging', day(30), 'fresh'],
    ['acme/chatbot', 'OPENAI_API_KEY', 'production', day(80), 'due soon (in 10 days)'],
    ['acme/chatbot', 'OPENAI_API_KEY', 'repository', day(200), 'one value shared by every environment'],
  ];
  return rows.map(
    ([repo = '', name = '', where = '', rotated = '', status = '']) =>
      `${repo.padEnd(15)}${name.padEnd(16)}${where.padEnd(12)}rotated ${rotated}  ${status}`,
  );
}

async function demo(children: ChildProcess[], gh: GitHubEmulator): Promise<void> {
  say(`Key Hygiene demo: the GitHub App against a local GitHub API emulator (no GitHub account, no network).\n`);
  const keys = seedOrg(gh);
  say(`1. Emulator on ${gh.url}: org acme, the Key Hygiene App installed, and these secrets (names and dates only):`);
  keys.forEach((line) => say(`     ${line}`));

  const app = [...gh.store.apps.values()][0]!;
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host, // Probot: every API call goes to http://GHE_HOST/api/v3 (Probot's GitHub Enterprise Server settings)
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    KEY_HYGIENE_SWEEP_EVERY: 'off', // the demo sweeps once, by hand
  };
  const server = run(
    children,
    [join('node_modules', 'probot', 'bin', 'probot.js'), 'run', './lib-app/app/index.js'],
    env,
  );
  const webhooks = `http://127.0.0.1:${port}/api/github/webhooks`;
  await waitUntilListening(server.child, webhooks, server.output);
  say(`\n2. Started the app: probot run ./lib-app/app/index.js (pid ${server.child.pid}), webhooks at ${webhooks}`);

  say(`\n3. One sweep: key-hygiene-app sweep --once`);
  say(`   (new issues and comments are spaced out, as GitHub's secondary rate limits ask: a few seconds)`);
  const sweep = run(children, [join('bin', 'key-hygiene-app.js'), 'sweep', '--once'], env);
  const code = await new Promise<number | null>((resolve) => sweep.child.once('exit', resolve));
  say(indent(sweep.output.join('').trim(), '   > '));
  if (code !== 0) throw new Error(`key-hygiene-app sweep --once exited with ${code}`);

  say(`\n4. What the bot wrote:`);
  for (const repo of ['acme/.github', 'acme/payments', 'acme/chatbot']) {
    const issues = issuesOf(gh, repo);
    for (const issue of issues.filter((i) => i.title !== 'Key hygiene dashboard')) printIssue(repo, issue, 12);
    for (const issue of issues.filter((i) => i.title === 'Key hygiene dashboard')) printIssue(repo, issue, 40);
  }

  const target = issuesOf(gh, 'acme/chatbot').find((i) => i.title.startsWith('Rotate OPENAI_API_KEY'));
  if (!target) throw new Error('the sweep opened no rotation issue for OPENAI_API_KEY in acme/chatbot');
  say(`\n5. wendy comments "/status" on acme/chatbot#${target.number}; the emulator delivers it to the app, signed:`);
  const comment = gh.seed.comment({ repo: 'acme/chatbot', issue: target.number, body: '/status', user: 'wendy' });
  const delivered = await gh.deliver({
    url: webhooks,
    event: 'issue_comment',
    action: 'created',
    payload: {
      installation: { id: [...gh.store.installations.values()][0]!.id },
      repository: { name: 'chatbot', full_name: 'acme/chatbot', owner: { login: 'acme', type: 'Organization' } },
      issue: {
        number: target.number,
        body: target.body,
        user: { login: BOT, type: 'Bot' },
        labels: target.labels.map((name) => ({ name })),
      },
      comment: {
        id: comment.id,
        body: '/status',
        user: { login: 'wendy', type: 'User' },
        performed_via_github_app: null,
      },
      sender: { login: 'wendy', type: 'User' },
    },
  });
  const reply = gh.store.comments
    .filter((c) => c.repoId === target.repoId && c.issueNumber === target.number && c.user === BOT)
    .at(-1);
  say(`   HTTP ${delivered.status}; ${reply ? `${BOT} replied:` : 'no reply (see the app log below)'}`);
  if (reply) say(indent(visible(reply.body), '   │ '));
  else say(indent(server.output.join(''), '   ! '));
}

function printIssue(repo: string, issue: IssueRecord, maxLines: number): void {
  say(`\n── ${repo}#${issue.number}  ${issue.title}  [${issue.labels.join(', ')}]  by ${issue.user}`);
  const lines = visible(issue.body ?? '').split('\n');
  say(indent(lines.slice(0, maxLines).join('\n'), '   │ '));
  if (lines.length > maxLines) say(`   │ … (${lines.length - maxLines} more lines)`);
}

const issuesOf = (gh: GitHubEmulator, fullName: string): IssueRecord[] => {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = gh.store.repo(owner, name);
  return gh.store.issues.filter((i) => i.repoId === repo?.id).sort((a, b) => a.number - b.number);
};

/** What GitHub shows: the bot's hidden markers (HTML comments) removed, blank runs collapsed. */
const visible = (body: string): string =>
  body
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
const indent = (text: string, prefix: string): string =>
  text
    .split('\n')
    .map((line) => `${prefix}${line}`.trimEnd())
    .join('\n');
const join = (...parts: string[]): string => parts.join('/');
function say(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** A child process in the package root, its output kept for the reader (and for errors). */
function run(
  children: ChildProcess[],
  args: string[],
  env: NodeJS.ProcessEnv,
): { child: ChildProcess; output: string[] } {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { child, output };
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map((child) => {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        return exited;
      }),
  );
}

// One catch for the entry point; whatever happens, the app and the emulator stop.
const children: ChildProcess[] = [];
const gh = await startGitHubEmulator();
const watchdog = setTimeout(() => {
  process.stderr.write('demo: still running after 90 s; stopping\n');
  void stop(children).finally(() => process.exit(1));
}, 90_000);
watchdog.unref();
try {
  await demo(children, gh);
  say(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s: the app stopped, the emulator closed. Run the App for real: README, "Run the GitHub App".`,
  );
} catch (error) {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stop(children);
  await gh.close();
  clearTimeout(watchdog);
}
