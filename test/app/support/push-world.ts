import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppDeps } from '../../../app/deps.js';
import { buildGitRepo, runGit, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { startApp, type RunningApp } from './app-world.js';
import { startAppWith } from './robust-world.js';

export const ZERO_SHA = '0'.repeat(40);

export interface PushFields {
  ref?: string;
  before: string;
  after: string;
  deleted?: boolean;
  created?: boolean;
}

/** The emulator, a repo acme/api backed by a real git repository, and the real Probot app on push. */
export interface PushWorld {
  gh: GitHubEmulator;
  /** The seed commit(s) of main. */
  main: string[];
  /** One more commit on the checked-out branch; returns its sha. */
  commit(files: Record<string, string>, message: string): Promise<string>;
  /** Runs git in the repository behind acme/api (e.g. to switch branches). */
  git(args: string[]): Promise<string>;
  /** Delivers a signed push webhook for acme/api (main by default). */
  push(fields: PushFields, deliveryId?: string): ReturnType<GitHubEmulator['deliver']>;
  /** The running Probot (for sweeps), where it takes webhooks, and the installation on acme. */
  probot: RunningApp['probot'];
  url: string;
  installationId: number;
  close(): Promise<void>;
}

export interface PushWorldOptions {
  /** Adds to what the app and its installation get (e.g. `secrets: 'read'` for sweeps). */
  permissions?: Record<string, 'read' | 'write'>;
  /** The app's dependencies (settings, client care, lock), as `startAppWith` takes them; the emulator's clock by default. */
  deps?: Partial<AppDeps> | ((gh: GitHubEmulator) => Partial<AppDeps>);
  /** Emulator options (e.g. a lifetime for installation tokens that outlives a test's hours). */
  emulator?: Parameters<typeof startGitHubEmulator>[0];
}

export async function startPushWorld(
  prefix: string,
  files: Record<string, string>,
  options: PushWorldOptions = {},
): Promise<PushWorld> {
  const gh = await startGitHubEmulator(options.emulator);
  const permissions = {
    checks: 'write',
    contents: 'read',
    metadata: 'read',
    issues: 'write',
    ...options.permissions,
  } as const;
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions }, events: ['push'] });
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const main = await buildGitRepo(dir, [{ 'README.md': '# api\n', ...files }]);
  gh.seed.repo({ fullName: 'acme/api', gitDir: dir });
  const installation = gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  const deps = typeof options.deps === 'function' ? options.deps(gh) : options.deps;
  const running = deps ? await startAppWith(gh, app, deps) : await startApp(gh, app);
  return {
    gh,
    main,
    async commit(changes, message) {
      for (const [path, text] of Object.entries(changes)) {
        await mkdir(dirname(join(dir, path)), { recursive: true });
        await writeFile(join(dir, path), text);
      }
      await runGit(dir, ['add', '--all']);
      const who = {
        GIT_AUTHOR_NAME: 'Mona',
        GIT_AUTHOR_EMAIL: 'mona@example.com',
        GIT_COMMITTER_NAME: 'Mona',
        GIT_COMMITTER_EMAIL: 'mona@example.com',
      };
      await runGit(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', message], who);
      return (await runGit(dir, ['rev-parse', 'HEAD'])).trim();
    },
    git: (args) => runGit(dir, args),
    probot: running.probot,
    url: running.url,
    installationId: installation.id,
    push(fields, deliveryId) {
      const payload = {
        ref: 'refs/heads/main',
        deleted: false,
        created: fields.before === ZERO_SHA,
        ...fields,
        installation: { id: installation.id },
        repository: {
          name: 'api',
          full_name: 'acme/api',
          owner: { login: 'acme', name: 'acme' },
          default_branch: 'main',
          master_branch: 'main',
        },
      };
      return gh.deliver({ url: running.url, event: 'push', payload, ...(deliveryId && { deliveryId }) });
    },
    async close() {
      await running.close();
      await gh.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
