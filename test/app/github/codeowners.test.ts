import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeownersOwners, fetchOwnerSources, MISSING_CODEOWNERS_RECHECK_MS } from '../../../app/github/codeowners.js';
import { parseKeyMarker } from '../../../src/tracking/key-marker.js';
import type { AppRecord, GitHubEmulator, InstallationRecord } from '../../support/github-emulator/index.js';
import { DAY } from '../support/app-world.js';
import { createBareWorld, startAppWith } from '../support/robust-world.js';

// Owners to mention (README, "Who gets notified"): the policy's, else the repository's CODEOWNERS, else its admins.
describe('codeownersOwners', () => {
  it('takes the last `*` rule, else the last `.github/` rule, skipping comments', () => {
    expect(codeownersOwners('# team\n*  @acme/one\n/src/ @acme/src\n* @acme/two @carol # reviewers\n')).toEqual([
      '@acme/two',
      '@carol',
    ]);
    expect(codeownersOwners('/docs/ @writers\n/.github/ @acme/platform\n')).toEqual(['@acme/platform']);
    expect(codeownersOwners('/src/ @acme/src\n')).toEqual([]);
    expect(codeownersOwners('')).toEqual([]);
  });
});

describe('owners in key issues when the policy names none', () => {
  let gh: GitHubEmulator;
  let app: AppRecord;
  let installation: InstallationRecord;
  let running: Awaited<ReturnType<typeof startAppWith>>;
  const issueIn = (repo: string) =>
    gh.store.issues.find((i) => i.repoId === gh.store.repo('acme', repo)!.id && parseKeyMarker(i.body) !== undefined);

  beforeAll(async () => {
    ({ gh, app, installation } = await createBareWorld());
    const old = new Date(gh.clock.now().getTime() - 100 * DAY);
    gh.seed.repo({
      fullName: 'acme/pay',
      files: { '.github/CODEOWNERS': '* @acme/payments @Carol\n/docs/ @acme/writers\n' },
    });
    gh.seed.repo({ fullName: 'acme/web', files: { 'docs/CODEOWNERS': '/site/ @acme/web\n' } });
    gh.seed.repo({
      fullName: 'acme/ops',
      files: { '.github/key-hygiene.yml': 'keys:\n  - secret: OPS_TOKEN\n    owners: ["@acme/sre"]\n' },
    });
    gh.seed.collaborator('acme/web', 'ada', 'admin');
    gh.seed.collaborator('acme/web', 'wendy', 'write');
    for (const repo of ['pay', 'web'])
      gh.seed.secret({ scope: 'repo', repo: `acme/${repo}`, name: 'PAYMENTS_API_KEY', updatedAt: old });
    gh.seed.secret({ scope: 'repo', repo: 'acme/ops', name: 'OPS_TOKEN', updatedAt: old });
    running = await startAppWith(gh, app);
    expect((await running.sweep()).failed).toEqual([]);
  });
  afterAll(async () => {
    await running.close();
    await gh.close();
  });

  it("mentions the owners of CODEOWNERS' `*` rule", () => {
    expect(issueIn('pay')!.body).toContain('@acme/payments');
    expect(issueIn('pay')!.body).toContain('@Carol');
  });

  it('mentions the admins when CODEOWNERS has no rule for the whole repository', () => {
    const body = issueIn('web')!.body!;
    expect(body).toContain('@ada');
    expect(body).not.toContain('@wendy');
    expect(body).not.toContain('@acme/web');
  });

  it("uses the policy's owners when it names them, and reads neither CODEOWNERS nor admins for that", () => {
    expect(issueIn('ops')!.body).toContain('@acme/sre');
    const paths = gh.log.entries.map((e) => e.path);
    expect(paths.filter((p) => p.startsWith('/repos/acme/ops/') && /CODEOWNERS|collaborators/.test(p))).toEqual([]);
  });

  it('a repository without CODEOWNERS is looked at again a day later, not on every sweep', async () => {
    gh.seed.repo({ fullName: 'acme/bare' });
    gh.seed.collaborator('acme/bare', 'ada', 'admin');
    const octokit = await running.probot.auth(installation.id);
    const missing = new Map<string, number>();
    const now = gh.clock.now();
    expect(await fetchOwnerSources(octokit, 'acme', 'bare', now, missing)).toEqual({ admins: ['ada'] });
    gh.store.repo('acme', 'bare')!.files.set('CODEOWNERS', '* @acme/web-team\n');
    gh.log.clear();
    expect(await fetchOwnerSources(octokit, 'acme', 'bare', new Date(now.getTime() + 3_600_000), missing)).toEqual({
      admins: ['ada'],
    });
    expect(gh.log.entries.filter((e) => e.path.includes('CODEOWNERS'))).toEqual([]);
    expect(
      await fetchOwnerSources(
        octokit,
        'acme',
        'bare',
        new Date(now.getTime() + MISSING_CODEOWNERS_RECHECK_MS),
        missing,
      ),
    ).toEqual({ codeowners: ['@acme/web-team'] });
  });
});
