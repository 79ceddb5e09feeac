import type { Context, Probot } from 'probot';
import type { AppDeps } from '../deps.js';
import type { BullmqSweepQueue } from '../queue/bullmq-sweep-queue.js';
import { periodStart, runIdOf } from '../queue/run-ids.js';
import { handlerContext } from '../repo/handler-context.js';
import { sweepInstallation } from '../sweep/sweep-installation.js';

const DAY = 86_400_000;

type InstallationContext = Context<'installation.created'> | Context<'installation_repositories.added'>;

/**
 * The app was installed, or given more repositories: sweep those now, so each gets its dashboard
 * at once instead of at the next scheduled sweep. The payload lists them.
 * https://docs.github.com/webhooks/webhook-events-and-payloads#installation_repositories
 */
export async function handleInstallation(
  context: InstallationContext,
  app: Probot,
  deps: AppDeps,
  sweeps?: BullmqSweepQueue,
): Promise<void> {
  const payload = context.payload;
  const repositories = 'repositories_added' in payload ? payload.repositories_added : (payload.repositories ?? []);
  const only = repositories.map((r) => r.full_name);
  if (only.length === 0) return;
  if (sweeps) {
    // With Redis, an org of thousands of repositories is no job for a webhook handler: queue this
    // period's run. A run already done resumes, and only repositories it has not swept get a job.
    const runId = runIdOf(
      payload.installation.id,
      periodStart(deps.now().getTime(), deps.settings.sweepEveryMs || DAY),
    );
    await sweeps.enqueue(payload.installation.id, runId);
    context.log.info(
      `installation ${payload.installation.id}: ${only.length} new repositories, sweep run ${runId} queued`,
    );
    return;
  }
  const h = handlerContext(context, app, deps);
  const result = await sweepInstallation({
    ...h.sweepRun(await h.botLogin()),
    maxContent: deps.settings.maxContentPerSweep,
    only,
  });
  context.log.info(
    `installation ${payload.installation.id}: swept ${result.swept.length} new repositories, ${result.failed.length} failures`,
  );
  result.failed.forEach((line) => context.log.warn(line));
}
