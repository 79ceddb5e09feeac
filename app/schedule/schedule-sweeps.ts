import type { Probot } from 'probot';
import type { AppDeps } from '../deps.js';
import { listInstallations, sweepInstallationById } from '../sweep/sweep-all.js';
import { startScheduler } from './start-scheduler.js';

/** The in-process daily sweep: one job per installation, each at its own jittered time. */
export function scheduleSweeps(app: Probot, deps: AppDeps): void {
  if (deps.settings.sweepEveryMs <= 0) return;
  startScheduler({
    everyMs: deps.settings.sweepEveryMs,
    jitterMs: deps.settings.jitterMs,
    jobs: async () => (await listInstallations(app)).map((id) => ({
      id: String(id),
      run: async () => {
        const { swept, failed } = await sweepInstallationById(app, id, deps.settings, deps.now, deps.lock);
        app.log.info(`scheduled sweep of installation ${id}: ${swept.length} repositories, ${failed.length} failures`);
        failed.forEach((line) => app.log.warn(line));
      },
    })),
    onError: (error) => app.log.error(`scheduled sweep failed: ${error instanceof Error ? error.message : String(error)}`),
  });
}
