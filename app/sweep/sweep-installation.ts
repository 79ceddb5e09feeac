import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { createTeamRosterCache, type TeamRosterCache } from '../github/team-roster-cache.js';
import { sweepOrgSecrets } from './sweep-org-secrets.js';
import { sweepRepo } from './sweep-repo.js';
import type { RepoLock } from '../repo/with-repo-lock.js';
import { oneLineError } from '../../src/one-line-error.js';
import type { OrgSecretsPasses } from './org-secrets-passes.js';
import { sweepProviderKeys, type ProviderAuditRun } from './sweep-provider-keys.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';

export interface InstallationSweep {
  octokit: AppOctokit;
  botLogin: string;
  now: Date;
  dryRun: boolean;
  /** Most issues and comments for the whole installation. */
  maxContent: number;
  log: (message: string) => void;
  /** Only these repositories (`owner/name`, any case); all the installation reaches when absent. */
  only?: readonly string[];
  /** Serialises sweeps of one repository; the process's lock by default. */
  lock?: RepoLock;
  /** Where the Action the onboarding workflow runs lives (`KEY_HYGIENE_ACTION`); unset, onboarding adds no workflow. */
  onboardingAction?: ActionLocation;
  /** Team members read in this sweep; a fresh cache (one list per team for the whole sweep) when absent. */
  teams?: TeamRosterCache;
  /** The organisation passes the dashboards show; the process's memory by default. */
  orgPasses?: OrgSecretsPasses;
  /** The providers' key inventories, audited in the sweep of the one organisation they belong to; none when absent. */
  providerAudit?: ProviderAuditRun;
  /** The providers' admin APIs the server has a key for (leak incidents close by what the provider lists). */
  adminApis?: ProviderAdminSource[] | undefined;
}

export interface InstallationSweepResult {
  swept: string[];
  /** Archived repositories: nothing to rotate there. */
  skipped: string[];
  /** One line per repository (or organisation pass) that failed; the others were swept. */
  failed: string[];
  actions: IssueAction[];
  /** `org → org/repo` where each organisation's own secrets were tracked, or why they were not. */
  orgSecrets: Record<string, string>;
}

/** A repository as `GET /installation/repositories` lists it (what sweeps use of it). */
export interface ReachedRepository {
  name: string;
  full_name: string;
  archived?: boolean;
  owner: { login: string; type?: string };
}

/**
 * Every repository the installation reaches, one after the other; one failing never stops the rest.
 * Each organisation's own secrets first, once (their issues live in its `org-secrets-repo`), so a
 * pass that had to be skipped shows on the dashboards the repositories write next.
 */
export async function sweepInstallation(sweep: InstallationSweep): Promise<InstallationSweepResult> {
  const s = { ...sweep, teams: sweep.teams ?? createTeamRosterCache(sweep.log) };
  const repositories: ReachedRepository[] = await s.octokit.paginate('GET /installation/repositories', {
    per_page: 100,
  });
  const wanted = s.only?.map((r) => r.toLowerCase());
  const result: InstallationSweepResult = { swept: [], skipped: [], failed: [], actions: [], orgSecrets: {} };
  const budget = { remaining: s.maxContent };
  // A sweep of a few named repositories (a re-check) leaves the organisation's secrets to the full sweep.
  if (!wanted) await sweepOrganisations(s, repositories, budget, result);
  for (const repository of repositories) {
    if (wanted && !wanted.includes(repository.full_name.toLowerCase())) continue;
    if (repository.archived) {
      result.skipped.push(repository.full_name);
      continue;
    }
    try {
      const swept = await sweepRepo({ ...s, owner: repository.owner.login, repo: repository.name, budget });
      result.swept.push(repository.full_name);
      result.actions.push(...swept.actions);
    } catch (error) {
      const line = `${repository.full_name}: ${oneLineError(error)}`;
      s.log(`sweep failed for ${line}`);
      result.failed.push(line);
    }
  }
  return result;
}

/** The organisations among the repositories' owners (a user account has no organisation secrets). */
async function sweepOrganisations(
  s: InstallationSweep,
  repositories: readonly ReachedRepository[],
  budget: { remaining: number },
  result: InstallationSweepResult,
): Promise<void> {
  const orgs = [...new Set(repositories.filter((r) => r.owner.type === 'Organization').map((r) => r.owner.login))];
  for (const org of orgs) {
    const own = repositories.filter((r) => r.owner.login === org);
    try {
      const swept = await sweepOrgSecrets({ ...s, org, repositories: own, budget });
      result.orgSecrets[org] = swept.trackedIn ?? `skipped: ${swept.skipped ?? 'unknown'}`;
      result.actions.push(...swept.actions);
      if (swept.skipped) s.log(`${org}: organisation secrets skipped, ${swept.skipped}`);
    } catch (error) {
      const line = `${org} (organisation secrets): ${oneLineError(error)}`;
      s.log(`sweep failed for ${line}`);
      result.failed.push(line);
    }
    if (s.providerAudit?.org.toLowerCase() === org.toLowerCase())
      await sweepOrgProviders({ ...s, providerAudit: s.providerAudit }, org, own, budget, result);
  }
}

/** The organisation's provider issues, after its secrets; a GitHub failure here is one failed line, as a repository's. */
async function sweepOrgProviders(
  s: InstallationSweep & { providerAudit: ProviderAuditRun },
  org: string,
  repositories: readonly ReachedRepository[],
  budget: { remaining: number },
  result: InstallationSweepResult,
): Promise<void> {
  try {
    const swept = await sweepProviderKeys({ ...s, org, repositories, budget });
    result.actions.push(...swept.actions);
    if (swept.skipped) s.log(`${org}: provider keys skipped, ${swept.skipped}`);
  } catch (error) {
    const line = `${org} (provider keys): ${oneLineError(error)}`;
    s.log(`sweep failed for ${line}`);
    result.failed.push(line);
  }
}
