import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSettings } from '../../app/settings.js';
import { sweepAll } from '../../app/sweep/sweep-all.js';
import { startGitHubEmulator, type Permissions } from '../support/github-emulator/index.js';
import { DAY, POLICY, startApp } from './support/app-world.js';

// An installation holds exactly what app.yml asks for, and the emulator enforces GitHub's
// per-endpoint permission map: a sweep that needs a permission app.yml lacks gets 403s here, as it
// would on GitHub.

const manifest = parse(readFileSync(new URL('../../app.yml', import.meta.url), 'utf8')) as {
  default_permissions: Permissions;
};

/** Everything a sweep reads: environments and their secrets, repository, organisation and Dependabot secrets, a team. */
async function sweepWith(permissions: Permissions) {
  const gh = await startGitHubEmulator();
  const app = gh.seed.app({ slug: 'key-hygiene', permissions: { ...permissions } });
  gh.seed.repo({ fullName: 'acme/.github', files: { '.github/key-hygiene.yml': POLICY } });
  gh.seed.repo({
    fullName: 'acme/api',
    visibility: 'private',
    files: { '.github/key-hygiene.yml': '_extends: .github\ndashboard: true\n' },
  });
  gh.seed.installation({ account: 'acme', permissions: { ...permissions } });
  gh.seed.team({ org: 'acme', slug: 'ml-platform', members: ['mona'], repos: { api: 'write' } });
  const now = gh.clock.now().getTime();
  gh.seed.environment({ repo: 'acme/api', name: 'production', reviewers: ['mona'] });
  gh.seed.secret({
    scope: 'environment',
    repo: 'acme/api',
    environment: 'production',
    name: 'OPENAI_API_KEY',
    updatedAt: new Date(now - 120 * DAY),
  });
  gh.seed.secret({ scope: 'repo', repo: 'acme/api', name: 'STRIPE_API_KEY', updatedAt: new Date(now - 10 * DAY) });
  gh.seed.secret({ scope: 'org', org: 'acme', name: 'SHARED_TOKEN', visibility: 'all' });
  gh.seed.secret({ scope: 'dependabot-repo', repo: 'acme/api', name: 'NPM_TOKEN' });
  const running = await startApp(gh, app);
  try {
    await sweepAll(running.probot, { ...defaultSettings, sweepEveryMs: 0 }, () => gh.clock.now());
  } finally {
    await running.close();
  }
  const refused = gh.log.entries.filter((e) => e.status === 403).map((e) => e.route);
  const read = new Set(gh.log.entries.filter((e) => e.status === 200).map((e) => e.route));
  const issues = [...gh.store.issues.values()].map((i) => i.title);
  const bodies = [...gh.store.issues.values()].map((i) => i.body ?? '').join('\n');
  await gh.close();
  return { refused, read, issues, bodies };
}

describe('the permissions app.yml asks for', () => {
  it('let a sweep read every kind of secret and open the issue for a stale environment key, with no 403', async () => {
    const { refused, read, issues } = await sweepWith(manifest.default_permissions);
    expect(refused).toEqual([]);
    for (const route of [
      'GET /repos/{owner}/{repo}/environments',
      'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets',
      'GET /repos/{owner}/{repo}/actions/secrets',
      'GET /repos/{owner}/{repo}/actions/organization-secrets',
      'GET /repos/{owner}/{repo}/dependabot/secrets',
    ])
      expect(read).toContain(route);
    expect(issues.some((title) => title.includes('OPENAI_API_KEY'))).toBe(true);
  });

  it('are all needed: without Actions (read) the environments, and their keys, are refused as on GitHub', async () => {
    const { actions: _dropped, ...without } = manifest.default_permissions;
    const { refused, issues, bodies } = await sweepWith(without);
    expect(refused).toContain('GET /repos/{owner}/{repo}/environments');
    expect(issues.some((title) => title.includes('OPENAI_API_KEY'))).toBe(false);
    // The dashboard names the permission GitHub asked for.
    expect(bodies).toContain('actions=read');
  });
});
