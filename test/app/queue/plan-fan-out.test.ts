import { describe, expect, it } from 'vitest';
import { planFanOut } from '../../../app/queue/plan-fan-out.js';

const repo = (fullName: string, type = 'Organization', archived = false) => {
  const [login, name] = fullName.split('/') as [string, string];
  return { name, full_name: fullName, archived, owner: { login, type } };
};

describe('planFanOut', () => {
  const repositories = [
    repo('acme/api'),
    repo('acme/old', 'Organization', true),
    repo('acme/.github'),
    repo('mona/dotfiles', 'User'),
    repo('globex/web'),
  ];

  it('queues each organisation’s secrets first, then every repository not archived', () => {
    const plan = planFanOut('7:20260101T000000Z', 7, repositories, new Set());
    expect(plan.jobs.map((j) => `${j.name} ${j.target}`)).toEqual([
      'org acme/*',
      'org globex/*',
      'repo acme/api',
      'repo acme/.github',
      'repo mona/dotfiles',
      'repo globex/web',
    ]);
    expect(plan.jobs[0]!.data).toEqual({
      installationId: 7,
      runId: '7:20260101T000000Z',
      org: 'acme',
      repositories: [{ name: 'api' }, { name: 'old', archived: true }, { name: '.github' }],
    });
    expect(plan.jobs[2]!.data).toEqual({ installationId: 7, runId: '7:20260101T000000Z', owner: 'acme', repo: 'api' });
    expect(plan.skipped).toEqual(['acme/old']);
    expect(plan.targets).toEqual(plan.jobs.map((j) => j.target));
  });

  it('leaves out what the run already did, and keeps it among the run’s targets', () => {
    const plan = planFanOut('7:20260101T000000Z', 7, repositories, new Set(['acme/*', 'acme/api', 'globex/web']));
    expect(plan.jobs.map((j) => j.target)).toEqual(['globex/*', 'acme/.github', 'mona/dotfiles']);
    expect(plan.targets).toHaveLength(6);
  });
});
