import * as core from '@actions/core';
import { evaluateInventory } from '../../src/inventory/evaluate-inventory.js';
import { createGitHubClient } from '../create-github-client.js';
import type { ActionSettings } from '../settings.js';
import { reportChecks } from '../verify/report-checks.js';
import { decisionToCheck } from './decision-to-check.js';
import { fetchInventory } from './fetch-inventory.js';
import { readPolicy } from './read-policy.js';
import { renderEnvironmentsSummary } from './render-environments-summary.js';

/**
 * `mode: environments`: read the policy, list the secret metadata through the API, judge it at
 * `now` with the engine the App's sweep uses, report annotations, the summary table and `findings`.
 */
export async function runEnvironmentsMode(settings: ActionSettings, now: () => Date = () => new Date()): Promise<void> {
  const config = readPolicy(settings.configPath, settings.context.workspace);
  const octokit = createGitHubClient(settings.token, settings.context.apiUrl);
  const inventory = await fetchInventory(octokit, settings.context.repository).catch((error: unknown) => {
    // Nothing was judged: `findings` still gets a number for the steps after this one, and the
    // step fails with the one line that says why (main.ts).
    core.setOutput('findings', '0');
    throw error;
  });
  const at = now();
  const decisions = evaluateInventory(inventory, config, at);
  await core.summary.addRaw(renderEnvironmentsSummary(inventory.repository, decisions, at)).write();
  reportChecks(decisions.flatMap(decisionToCheck), settings.failOn, 'environment check');
}
