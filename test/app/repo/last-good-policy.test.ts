import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type { AppRecord, GitHubEmulator } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

// A bad config never crashes a sweep; the last good policy seen for the repository applies, not the
// defaults, and the dashboard shows the error.
describe('the last good policy', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  const GOOD = 'keys:\n  - secret: SVC_API_KEY\n    rotate-every: 30d\n    remind-before: 7d\n';
  const issues = () => gh.store.issues.filter((i) => i.repoId === gh.store.repo('acme', 'svc')!.id);
  const keyIssue = () => issues().find((i) => parseKeyMarker(i.body)?.secret === 'SVC_API_KEY');
  const dashboard = () => issues().find((i) => i.title === 'Key hygiene dashboard')!;

  beforeAll(async () => {
    ({ gh, app } = await createBareWorld());
    gh.seed.repo({ fullName: 'acme/svc', files: { '.github/key-hygiene.yml': GOOD } });
    // Overdue under the repository's 30 days; fine under the default 90.
    gh.seed.secret({
      scope: 'repo',
      repo: 'acme/svc',
      name: 'SVC_API_KEY',
      updatedAt: new Date(gh.clock.now().getTime() - 40 * DAY),
    });
    running = await startAppWith(gh, app);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it('applies the good policy', async () => {
    expect((await running.sweep()).failed).toEqual([]);
    expect(keyIssue()).toMatchObject({ state: 'open', labels: ['key-hygiene', 'overdue'] });
    expect(dashboard().body).not.toContain('Config errors');
  });

  it('keeps applying it when the file turns bad, and shows the error on the dashboard', async () => {
    gh.store
      .repo('acme', 'svc')!
      .files.set('.github/key-hygiene.yml', 'keys:\n  - secret: SVC_API_KEY\n    rotate-every: soon\n');
    const result = await running.sweep();
    expect(result.failed).toEqual([]);
    // With the defaults the key would be fine and its issue closed.
    expect(result.results[0]!.actions.filter((a) => a.type === 'close')).toEqual([]);
    expect(keyIssue()).toMatchObject({ state: 'open', labels: ['key-hygiene', 'overdue'] });
    expect(dashboard().body).toMatch(/Config errors[\s\S]*last good[\s\S]*rotate-every.*soon/);
  });

  it('a fixed file is the new good policy', async () => {
    gh.store
      .repo('acme', 'svc')!
      .files.set(
        '.github/key-hygiene.yml',
        'keys:\n  - secret: SVC_API_KEY\n    rotate-every: 60d\n    remind-before: 7d\n',
      );
    await running.sweep();
    expect(keyIssue()!.state).toBe('closed');
    expect(dashboard().body).not.toContain('Config errors');
  });
});
