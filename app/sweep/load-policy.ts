import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { validateConfig } from '../../src/policy/parse-config.js';
import type { DashboardConfigError } from '../../src/report/render-dashboard.js';
import type { AppOctokit } from '../github/octokit.js';

export const CONFIG_PATH = '.github/key-hygiene.yml';

export interface LoadedPolicy {
  policy: Config;
  /** What was wrong with the file; the defaults applied instead. Shown on the dashboard. */
  errors: DashboardConfigError[];
}

/**
 * The repository's policy from the default branch, Probot's way: `.github/key-hygiene.yml`, else the
 * owner's `.github` repository, with `_extends` (GITHUB-FACTS.md, "Probot v14"). A file that cannot
 * be read or does not fit the schema never stops the sweep: the defaults apply and the error is kept.
 */
export async function loadPolicy(octokit: AppOctokit, owner: string, repo: string): Promise<LoadedPolicy> {
  let data: Record<string, unknown>;
  try {
    const { config, files } = await octokit.config.get({ owner, repo, path: CONFIG_PATH });
    if (files.every((file) => file.config === null)) return { policy: defaultConfig, errors: [] };
    data = config;
  } catch (error) {
    return { policy: defaultConfig, errors: [{ source: CONFIG_PATH, message: oneLine(error) }] };
  }
  try {
    return { policy: validateConfig(data, CONFIG_PATH), errors: [] };
  } catch (error) {
    return { policy: defaultConfig, errors: [{ source: CONFIG_PATH, message: oneLine(error).replace(`${CONFIG_PATH}: `, '') }] };
  }
}

function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!.slice(0, 300);
}
