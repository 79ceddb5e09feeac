import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { validateConfig } from '../../src/policy/parse-config.js';
import type { DashboardConfigError } from '../../src/tracking/dashboard/dashboard-config-error.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { oneLineError } from '../../src/one-line-error.js';
import { CONFIG_PATH } from '../../src/policy/config-path.js';

export interface LoadedPolicy {
  policy: Config;
  /** What was wrong with the file; the last good policy (or the defaults) applied instead. Shown on the dashboard. */
  errors: DashboardConfigError[];
  /** The policy is the last good one this process saw, the file being bad now. */
  lastGood?: boolean;
  /**
   * The repository has its own `.github/key-hygiene.yml` (true), or its policy is the owner's `.github`
   * one or the defaults (false); unset when the files could not be read. Onboarding asks only the latter.
   */
  ownFile?: boolean;
}

export interface LoadPolicyOptions {
  /**
   * The commit or branch to read the repository's own file at (Probot's `branch`, the contents API's
   * `ref`); the default branch's tip when unset. The owner's `.github` policy is always its default branch's.
   */
  ref?: string;
  lastGood?: LastGoodPolicies;
}

/** The last policy that loaded cleanly, by `owner/repo` (lower case). */
export type LastGoodPolicies = Map<string, Config>;

/** This process's memory: a restart forgets it and the defaults apply until the file is fixed. */
const processLastGood: LastGoodPolicies = new Map();

/**
 * The repository's policy from the default branch, Probot's way: `.github/key-hygiene.yml`, else the
 * owner's `.github` repository, with `_extends` (Probot's `context.config`). A file that cannot
 * be read or does not fit the schema never stops the sweep: the last good policy seen for this
 * repository applies, else the defaults, and the error is kept for the dashboard.
 */
export async function loadPolicy(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  options: LoadPolicyOptions = {},
): Promise<LoadedPolicy> {
  const { ref, lastGood = processLastGood } = options;
  const key = `${owner}/${repo}`.toLowerCase();
  const fallback = (message: string): LoadedPolicy => {
    const known = lastGood.get(key);
    return {
      policy: known ?? defaultConfig,
      errors: [{ source: CONFIG_PATH, message }],
      ...(known && { lastGood: true }),
    };
  };
  let data: Record<string, unknown>;
  let ownFile: boolean | undefined;
  try {
    const { config, files } = await octokit.config.get({ owner, repo, path: CONFIG_PATH, ...(ref && { branch: ref }) });
    // Probot reads the repository's own file first: it is files[0] (null when absent).
    ownFile = files[0]?.config != null;
    if (files.every((file) => file.config === null)) return { ...remember(lastGood, key, defaultConfig), ownFile };
    data = config;
  } catch (error) {
    return fallback(oneLineError(error).slice(0, 300));
  }
  try {
    return { ...remember(lastGood, key, validateConfig(data, CONFIG_PATH)), ownFile };
  } catch (error) {
    return fallback(oneLineError(error).slice(0, 300).replace(`${CONFIG_PATH}: `, ''));
  }
}

function remember(lastGood: LastGoodPolicies, key: string, policy: Config): LoadedPolicy {
  lastGood.set(key, policy);
  return { policy, errors: [] };
}
