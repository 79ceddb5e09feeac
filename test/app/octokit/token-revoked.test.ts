import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppOctokit } from '../../../app/octokit/octokit.js';
import type { GitHubEmulator } from '../../support/github-emulator/index.js';
import type { InstallationRecord } from '../../support/github-emulator/types.js';
import { createAppWorld, startApp, type RunningApp } from '../support/app-world.js';

describe('an installation token GitHub stops accepting before its hour', () => {
  let gh: GitHubEmulator;
  let installation: InstallationRecord;
  let running: RunningApp;

  beforeAll(async () => {
    const world = await createAppWorld();
    ({ gh, installation } = world);
    running = await startApp(gh, world.app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('costs no request: the App drops it, mints another and sends the request once more', async () => {
    const client = (await running.probot.auth(installation.id)) as unknown as AppOctokit;
    const first = await client.request('GET /repos/{owner}/{repo}/actions/secrets', { owner: 'acme', repo: 'api' });
    expect(first.status).toBe(200);
    // GitHub revokes an installation's tokens when the App is reinstalled or its permissions change.
    for (const [token, record] of gh.store.tokens)
      if (record.installationId === installation.id) gh.store.tokens.delete(token);
    const again = await client.request('GET /repos/{owner}/{repo}/environments', { owner: 'acme', repo: 'api' });
    expect(again.status).toBe(200);
    const minted = gh.log.counters().byRoute['POST /app/installations/{installation_id}/access_tokens']?.requests;
    expect(minted).toBe(2);
  });
});
