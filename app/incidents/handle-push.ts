import type { Context, Probot } from 'probot';
import { buildDetectors } from '../../src/scan/build-detectors.js';
import { createScannerForConfig } from '../../src/scan/scanner-for-config.js';
import type { AppDeps } from '../deps.js';
import { botLoginOf } from '../github/bot-login.js';
import { splitRepository, type AppOctokit } from '../github/octokit.js';
import { prepareClient } from '../github/prepare-client.js';
import { loadPolicy } from '../sweep/load-policy.js';
import { fetchAddedLines } from './fetch-added-lines.js';
import { renderPushCheck, type PushCheck } from './push-check-output.js';
import { pushRange } from './push-range.js';
import { findPushCheck, finishPushCheck, startPushCheck, type CheckTarget } from './write-push-check.js';

/**
 * A push: the lines it added, through the engine, into a "Key hygiene" check run on its head commit
 * (issue 6, "Leak incidents") — an org is covered without touching its workflows. One run per head
 * commit: a redelivery finds the finished run and stops. Logs carry counts, never a key.
 */
export async function handlePush(context: Context<'push'>, app: Probot, deps: AppDeps): Promise<void> {
  const { payload } = context;
  const range = pushRange(payload);
  if (range.kind === 'skip') return;
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const target: CheckTarget = { owner, repo, headSha: range.head };
  const octokit = prepareClient(context.octokit as unknown as AppOctokit, payload.installation?.id ?? 0, deps.clients);
  await deps.lock(`${owner}/${repo}`, async () => {
    const existing = await findPushCheck(octokit, target, await botLoginOf(app));
    if (existing?.completed) return;
    const id = await startPushCheck(octokit, target, existing?.id, deps.now());
    // A run left "in progress" would block the commit forever: any failure finishes it as neutral.
    const check = range.kind === 'neutral'
      ? neutral(range.reason)
      : await scanPush(octokit, owner, repo, range.base, range.head).catch((error: unknown) =>
          neutral(`Key Hygiene could not scan this push: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`));
    await finishPushCheck(octokit, target, id, check, deps.now());
    context.log.info(`push ${owner}/${repo}@${range.head.slice(0, 12)}: ${check.conclusion}, ${check.annotations.length} annotations`);
  });
}

async function scanPush(octokit: AppOctokit, owner: string, repo: string, base: string, head: string): Promise<PushCheck> {
  const { policy } = await loadPolicy(octokit, owner, repo);
  const added = await fetchAddedLines(octokit, owner, repo, base, head);
  const scan = createScannerForConfig(policy);
  return renderPushCheck(added.fragments.flatMap(scan), buildDetectors(policy), added);
}

const neutral = (reason: string): PushCheck => ({ conclusion: 'neutral', title: 'Not scanned', summary: reason, annotations: [] });
