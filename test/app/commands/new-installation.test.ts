import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

// On installation, and when repositories are added to it, those repositories are swept at once:
// each gets its dashboard without waiting for the next scheduled sweep.
describe('new installations and repositories', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  const issuesOf = (repo: string) => gh.store.issues.filter((i) => i.repoId === gh.store.repo('acme', repo)!.id);
  const repoRef = (name: string) => ({
    id: gh.store.repo('acme', name)!.id,
    node_id: 'R_x',
    name,
    full_name: `acme/${name}`,
    private: true,
  });

  beforeAll(async () => {
    ({ gh, app, installation } = await createBareWorld());
    for (const name of ['one', 'two', 'three']) {
      gh.seed.repo({ fullName: `acme/${name}` });
      gh.seed.secret({
        scope: 'repo',
        repo: `acme/${name}`,
        name: 'VENDOR_API_KEY',
        updatedAt: new Date(gh.clock.now().getTime() - 100 * DAY),
      });
    }
    running = await startAppWith(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('installation.created sweeps the repositories it lists', async () => {
    const payload = { installation: { id: installation.id }, repositories: [repoRef('one')] };
    expect((await gh.deliver({ url: running.url, event: 'installation', action: 'created', payload })).status).toBe(
      200,
    );
    expect(issuesOf('one').map((i) => i.title)).toContain('Key hygiene dashboard');
    expect(issuesOf('one').some((i) => i.title.includes('VENDOR_API_KEY'))).toBe(true);
    expect(issuesOf('two')).toEqual([]);
  });

  it('installation_repositories.added sweeps only the added ones; a redelivery adds nothing', async () => {
    const payload = {
      installation: { id: installation.id },
      repository_selection: 'selected',
      repositories_added: [repoRef('two'), repoRef('three')],
      repositories_removed: [],
    };
    const first = await gh.deliver({ url: running.url, event: 'installation_repositories', action: 'added', payload });
    expect(first.status).toBe(200);
    for (const name of ['two', 'three']) expect(issuesOf(name).map((i) => i.title)).toContain('Key hygiene dashboard');
    const count = gh.store.issues.length;
    await gh.deliver({
      url: running.url,
      event: 'installation_repositories',
      action: 'added',
      payload,
      deliveryId: first.deliveryId,
    });
    expect(gh.store.issues).toHaveLength(count);
  });
});
