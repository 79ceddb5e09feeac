import type { AppOctokit } from '../octokit/octokit.js';
import { CHECK_NAME, MAX_ANNOTATIONS_PER_REQUEST, type PushCheck } from './push-check-output.js';

export interface CheckTarget {
  owner: string;
  repo: string;
  headSha: string;
}

/** Our run on a commit: `conclusion` once it completed (`failure` when it found a key). */
export interface FoundCheck {
  id: number;
  completed: boolean;
  conclusion?: string;
  /** When the run started: when the bot first saw the push. */
  startedAt?: string;
}

/**
 * Our check run on `headSha` if one exists. A redelivered push (or the same head pushed to a second
 * branch) finds it: one "Key hygiene" run per commit. Only runs of this app count: another app's
 * run of the same name is not ours to change.
 * https://docs.github.com/rest/checks/runs#list-check-runs-for-a-git-reference
 */
export async function findPushCheck(
  octokit: AppOctokit,
  target: CheckTarget,
  botLogin: string,
): Promise<FoundCheck | undefined> {
  const { data } = await octokit.rest.checks.listForRef({
    owner: target.owner,
    repo: target.repo,
    ref: target.headSha,
    check_name: CHECK_NAME,
    per_page: 100,
  });
  const run = data.check_runs.find((r) => `${r.app?.slug}[bot]` === botLogin);
  return (
    run && {
      id: run.id,
      completed: run.status === 'completed',
      ...(run.conclusion && { conclusion: run.conclusion }),
      ...(run.started_at && { startedAt: run.started_at }),
    }
  );
}

/** Marks the commit as being checked, so a reader sees the check coming; returns the run's id. */
export async function startPushCheck(
  octokit: AppOctokit,
  target: CheckTarget,
  existing: number | undefined,
  now: Date,
): Promise<number> {
  const fields = {
    owner: target.owner,
    repo: target.repo,
    name: CHECK_NAME,
    status: 'in_progress' as const,
    started_at: now.toISOString(),
  };
  if (existing !== undefined) return (await octokit.rest.checks.update({ ...fields, check_run_id: existing })).data.id;
  return (await octokit.rest.checks.create({ ...fields, head_sha: target.headSha })).data.id;
}

/**
 * Completes the run. GitHub takes 50 annotations per request and appends those of each update, so
 * the rest follow in updates of 50 before the one that concludes.
 * https://docs.github.com/rest/checks/runs#update-a-check-run
 */
export async function finishPushCheck(
  octokit: AppOctokit,
  target: CheckTarget,
  id: number,
  check: PushCheck,
  now: Date,
): Promise<void> {
  const base = { owner: target.owner, repo: target.repo, check_run_id: id };
  const output = { title: check.title, summary: check.summary };
  const batches: PushCheck['annotations'][] = [];
  for (let i = 0; i < check.annotations.length; i += MAX_ANNOTATIONS_PER_REQUEST)
    batches.push(check.annotations.slice(i, i + MAX_ANNOTATIONS_PER_REQUEST));
  const last = batches.pop() ?? [];
  for (const annotations of batches) await octokit.rest.checks.update({ ...base, output: { ...output, annotations } });
  await octokit.rest.checks.update({
    ...base,
    conclusion: check.conclusion,
    completed_at: now.toISOString(),
    output: { ...output, annotations: last },
  });
}
