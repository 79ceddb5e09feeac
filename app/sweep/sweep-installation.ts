import type { IssueAction } from '../../src/tracking/issue-action.js';
import type { AppOctokit } from '../github/octokit.js';
import { sweepRepo } from './sweep-repo.js';

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
}

export interface InstallationSweepResult {
  swept: string[];
  /** Archived repositories: nothing to rotate there. */
  skipped: string[];
  /** One line per repository that failed; the others were swept. */
  failed: string[];
  actions: IssueAction[];
}

/** Every repository the installation reaches, one after the other; one failing never stops the rest. */
export async function sweepInstallation(s: InstallationSweep): Promise<InstallationSweepResult> {
  const repositories = await s.octokit.paginate('GET /installation/repositories', { per_page: 100 });
  const wanted = s.only?.map((r) => r.toLowerCase());
  const result: InstallationSweepResult = { swept: [], skipped: [], failed: [], actions: [] };
  const budget = { remaining: s.maxContent };
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
      const line = `${repository.full_name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
      s.log(`sweep failed for ${line}`);
      result.failed.push(line);
    }
  }
  return result;
}
