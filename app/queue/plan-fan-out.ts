import type { ReachedRepository } from '../sweep/sweep-installation.js';
import type { OrgJobData, RepoJobData } from './job-data.js';
import { orgTarget } from './run-ids.js';

export interface FanOut {
  /** The jobs still to do, each organisation's secrets first, as `sweepInstallation` orders them. */
  jobs: Array<{ target: string } & ({ name: 'org'; data: OrgJobData } | { name: 'repo'; data: RepoJobData })>;
  /** Every target of the run, done or not. */
  targets: string[];
  /** Archived repositories: nothing to rotate there. */
  skipped: string[];
}

/**
 * The jobs an installation's run is made of: one per organisation among the repositories' owners
 * (a user account has no organisation secrets) and one per repository not archived, less the
 * targets already `done` in the run — a resumed run skips them.
 */
export function planFanOut(
  runId: string,
  installationId: number,
  repositories: readonly ReachedRepository[],
  done: ReadonlySet<string>,
): FanOut {
  const orgs = [...new Set(repositories.filter((r) => r.owner.type === 'Organization').map((r) => r.owner.login))];
  const live = repositories.filter((r) => !r.archived);
  const all: FanOut['jobs'] = [
    ...orgs.map((org) => ({
      target: orgTarget(org),
      name: 'org' as const,
      data: {
        installationId,
        runId,
        org,
        repositories: repositories
          .filter((r) => r.owner.login === org)
          .map((r) => ({ name: r.name, ...(r.archived && { archived: true }) })),
      },
    })),
    ...live.map((r) => ({
      target: `${r.owner.login}/${r.name}`,
      name: 'repo' as const,
      data: { installationId, runId, owner: r.owner.login, repo: r.name },
    })),
  ];
  return {
    jobs: all.filter((job) => !done.has(job.target)),
    targets: all.map((job) => job.target),
    skipped: repositories.filter((r) => r.archived).map((r) => `${r.owner.login}/${r.name}`),
  };
}
