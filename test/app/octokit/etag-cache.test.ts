import { Probot } from 'probot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtagCache, useEtagCache } from '../../../app/octokit/etag-cache.js';
import type { AppOctokit } from '../../../app/octokit/octokit.js';
import { startGitHubEmulator, type GitHubEmulator } from '../../support/github-emulator/index.js';
import { TestOctokit } from '../support/app-world.js';

// The ETag cache keys a GET by installation, URL and media type: one file read as JSON (base64
// content) and as raw text are two answers with two ETags. The emulator serves both formats.

const CONFIG = '.github/key-hygiene.yml';
const TEXT = 'rotate-every: 90d\n';

describe('an ETag cache with two media types of one URL', () => {
  let gh: GitHubEmulator;
  let octokit: AppOctokit;
  let cache: EtagCache;
  beforeAll(async () => {
    gh = await startGitHubEmulator();
    const app = gh.seed.app({ slug: 'key-hygiene', permissions: { contents: 'read', metadata: 'read' } });
    gh.seed.repo({ fullName: 'acme/api', files: { [CONFIG]: TEXT } });
    const installation = gh.seed.installation({ account: 'acme', permissions: { contents: 'read', metadata: 'read' } });
    const probot = new Probot({
      appId: app.id,
      privateKey: app.privateKey,
      baseUrl: gh.apiV3Url,
      Octokit: TestOctokit,
      logLevel: 'fatal',
    });
    cache = new EtagCache();
    octokit = useEtagCache(await probot.auth(installation.id), installation.id, cache);
  });
  afterAll(async () => {
    await gh.close();
  });

  const readJson = async () => {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
      owner: 'acme',
      repo: 'api',
      path: CONFIG,
    });
    return Buffer.from((data as { content: string }).content, 'base64').toString('utf8');
  };
  const readRaw = async () =>
    String(
      (
        await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: 'acme',
          repo: 'api',
          path: CONFIG,
          mediaType: { format: 'raw' },
        })
      ).data,
    );

  it('keeps both, and answers each read again from its own entry with a 304', async () => {
    gh.log.clear();
    expect(await readJson()).toBe(TEXT);
    expect(await readRaw()).toBe(TEXT);
    expect(await readJson()).toBe(TEXT);
    expect(await readRaw()).toBe(TEXT);
    const statuses = gh.log.entries
      .filter((e) => e.route === 'GET /repos/{owner}/{repo}/contents/{path}')
      .map((e) => e.status);
    expect(statuses).toEqual([200, 200, 304, 304]);
    expect(cache.size).toBe(2);
    expect(cache.hits).toBe(2);
  });
});
