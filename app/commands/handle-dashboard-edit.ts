import type { Context, Probot } from 'probot';
import { isDashboard, recheckRequested } from '../../src/tracking/dashboard-marker.js';
import { hasWriteAccess } from '../../src/tracking/commands/decide-command.js';
import { sameLogin } from '../../src/tracking/key-issues/last-notice.js';
import type { AppDeps } from '../deps.js';
import { handlerContext } from '../repo/handler-context.js';
import { sweepRepo } from '../sweep/sweep-repo.js';
import { permissionOf } from './permission-of.js';

/**
 * Someone ticked "Re-check now" on the dashboard (GitHub sends `issues.edited` with the new body):
 * sweep that repository now. The tick is read from this event's payload — the body as the user left
 * it — never from a fresh read, which a sweep's rewrite may already have unticked. Only a user with
 * write access (or better) may start a sweep, as for the commands that change state: GitHub only
 * lets them edit an issue they did not open, and the check keeps it so whatever GitHub allows. The
 * sweep rewrites the dashboard, which unticks the box; the bot's own edit arrives as an event too
 * and is dropped before it gets here (app/index.ts).
 */
export async function handleDashboardEdit(
  context: Context<'issues.edited'>,
  app: Probot,
  deps: AppDeps,
): Promise<void> {
  const { issue, sender } = context.payload;
  if (!isDashboard(issue.body) || !recheckRequested(issue.body) || sender.type === 'Bot') return;
  const h = handlerContext(context, app, deps);
  const botLogin = await h.botLogin();
  if (!sameLogin(issue.user?.login ?? '', botLogin)) return;
  const { owner, repo } = context.repo();
  const { octokit, log } = h;
  if (!hasWriteAccess(await permissionOf(octokit, owner, repo, sender.login))) {
    log(`not re-checking ${owner}/${repo}: ${sender.login} ticked the dashboard without write access`);
    return;
  }
  await sweepRepo({ ...h.sweepRun(botLogin), owner, repo, budget: { remaining: deps.settings.maxContentPerSweep } });
}
