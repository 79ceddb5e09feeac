import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGitRepo, startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { HOSTILE_CONFIG } from '../../support/hostile-config.js';
import { makeKey } from '../../support/make-keys.js';
import { buildAppIfStale, startProbotRun, type AppProcess } from '../../support/app-process.js';

// A repository's config runs on the App's event loop (the push handler): its regexes must not stall
// webhooks and sweeps for every installation. The real `probot run` process, configured through the
// environment as in production, takes a push to a repository whose `.github/key-hygiene.yml` holds the
// patterns that backtracked for hours on RegExp; /healthz keeps answering and the check run completes.

/** Generous for a loaded machine: the point is that /healthz answers at all while the push is handled. */
const HEALTHZ_WITHIN_MS = 5_000;

const OPENAI = makeKey('openai-project-key', 31);

let gh: GitHubEmulator;
let server: AppProcess | undefined;
let base: string;
let webhooks: string;
let installationId: number;
let shas: string[];
let dir: string;

beforeAll(async () => {
  buildAppIfStale();
  gh = await startGitHubEmulator();
  const permissions = { checks: 'write', contents: 'read', metadata: 'read', issues: 'write' } as const;
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions }, events: ['push'] });
  dir = await mkdtemp(join(tmpdir(), 'regex-hostile-'));
  shas = await buildGitRepo(dir, [
    { 'README.md': '# api\n', '.github/key-hygiene.yml': HOSTILE_CONFIG },
    {
      'app/settings.py': [
        `TOKEN = "acme_${'a'.repeat(40)}"`,
        `BIG = "acme_${'a'.repeat(100_000)}"`,
        'ACME = "acme_q8w7e6r5t4y3u2i1o9p8!"',
        `OPENAI_API_KEY = "${OPENAI}"`,
        '',
      ].join('\n'),
    },
  ]);
  gh.seed.repo({ fullName: 'acme/api', gitDir: dir });
  installationId = gh.seed.installation({ account: 'acme', permissions: { ...permissions } }).id;
  const running = await startProbotRun({
    APP_ID: String(app.id),
    PRIVATE_KEY: app.privateKey,
    WEBHOOK_SECRET: app.webhookSecret,
    GHE_HOST: gh.host,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'info',
  });
  ({ base, url: webhooks } = running);
  server = running;
}, 60_000);

afterAll(async () => {
  await server?.stop();
  await gh?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 30_000);

describe('the real `probot run` process, on a push under a hostile config', () => {
  it('keeps answering /healthz while it handles the push, and completes the check run with the keys', async () => {
    let handled = false;
    const delivery = gh
      .deliver({
        url: webhooks,
        event: 'push',
        payload: {
          ref: 'refs/heads/main',
          before: shas[0],
          after: shas[1],
          created: false,
          deleted: false,
          installation: { id: installationId },
          repository: {
            name: 'api',
            full_name: 'acme/api',
            owner: { login: 'acme', name: 'acme' },
            default_branch: 'main',
            master_branch: 'main',
          },
        },
      })
      .finally(() => (handled = true));

    const answers: number[] = [];
    do {
      const health = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(HEALTHZ_WITHIN_MS) }).catch(
        (error: unknown) => {
          throw new Error(
            `/healthz did not answer within ${HEALTHZ_WITHIN_MS} ms while the push was handled (${String(error)})`,
          );
        },
      );
      answers.push(health.status);
      await new Promise((resolve) => setTimeout(resolve, 50));
    } while (!handled);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect((await delivery).status, server!.output.join('')).toBe(200);

    const runs = gh.store.checkRuns.filter((r) => r.headSha === shas[1]);
    expect(runs).toEqual([
      expect.objectContaining({ name: 'Key hygiene', status: 'completed', conclusion: 'failure' }),
    ]);
    const annotations = runs[0]!.annotations as { path: string; start_line: number; title: string }[];
    expect(annotations.map((a) => `${a.path}:${a.start_line} ${a.title}`)).toEqual([
      'app/settings.py:3 Acme token',
      'app/settings.py:4 OpenAI project key',
    ]);
    expect(JSON.stringify(gh.store.checkRuns)).not.toContain(OPENAI.slice(8, -4));
  }, 60_000);
});
