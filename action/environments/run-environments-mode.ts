import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import type { ActionSettings } from '../settings.js';
import { reportChecks } from '../verify/report-checks.js';
import { decisionToCheck } from './decision-to-check.js';
import { fetchInventory } from './fetch-inventory.js';
import { readPolicy } from './read-policy.js';
import { renderEnvironmentsSummary } from './render-environments-summary.js';

/**
 * `mode: environments` (issue 3 §3): read the policy, list the secret metadata through the API,
 * judge it at `now`, report annotations, the summary table and `findings`.
 */
export async function runEnvironmentsMode(settings: ActionSettings, now: () => Date = () => new Date()): Promise<void> {
  const config = readPolicy(settings.configPath, settings.context.workspace);
  const wanted = config.keys.flatMap((key) => key.environments);
  const octokit = getOctokit(settings.token, { baseUrl: settings.context.apiUrl });
  const inventory = await fetchInventory(octokit, settings.context.repository, wanted);
  const at = now();
  const decisions = evaluateInventory(inventory, config, at);
  await core.summary.addRaw(renderEnvironmentsSummary(inventory.repository, decisions, at)).write();
  reportChecks(decisions.flatMap(decisionToCheck), settings.failOn, 'environment check');
}
