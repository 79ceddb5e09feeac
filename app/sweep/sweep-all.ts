import type { Probot } from 'probot';
import type { AppSettings } from '../settings.js';
import { botLoginOf } from '../github/bot-login.js';
import { sweepInstallation, type InstallationSweepResult } from './sweep-installation.js';
import { withRepoLock, type RepoLock } from '../repo/with-repo-lock.js';
import { oneLineError } from '../../src/one-line-error.js';
import { providerAuditFor } from './provider-audit-for.js';

export interface SweepAllResult {
  installations: number;
  results: InstallationSweepResult[];
  /** One line per installation or repository that failed. */
  failed: string[];
}

/** Every installation of the app, once (`key-hygiene-app sweep --once`; tests). */
export async function sweepAll(
  app: Probot,
  settings: AppSettings,
  now: () => Date,
  lock: RepoLock = withRepoLock,
): Promise<SweepAllResult> {
  const installations = await listInstallations(app);
  const out: SweepAllResult = { installations: installations.length, results: [], failed: [] };
  for (const id of installations) {
    try {
      const result = await sweepInstallationById(app, id, settings, now, lock);
      out.results.push(result);
      out.failed.push(...result.failed);
    } catch (error) {
      out.failed.push(`installation ${id}: ${oneLineError(error)}`);
    }
  }
  return out;
}

/** The ids of the app's installations that are not suspended. https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app */
export async function listInstallations(app: Probot): Promise<number[]> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate('GET /app/installations', { per_page: 100 });
  return installations.filter((i) => !i.suspended_at).map((i) => i.id);
}

/** One installation, every repository it reaches (the scheduler runs one of these per installation). */
export async function sweepInstallationById(
  app: Probot,
  id: number,
  settings: AppSettings,
  now: () => Date,
  lock: RepoLock = withRepoLock,
): Promise<InstallationSweepResult> {
  const octokit = await app.auth(id);
  const botLogin = await botLoginOf(app);
  const log = (message: string) => app.log.info(message);
  const providerAudit = await providerAuditFor(app, settings, (message) => app.log.warn(message));
  return sweepInstallation({
    ...(providerAudit && { providerAudit }),
    octokit,
    botLogin,
    now: now(),
    dryRun: settings.dryRun,
    maxContent: settings.maxContentPerSweep,
    log,
    lock,
    onboardingAction: settings.onboardingAction,
    adminApis: settings.adminApis,
  });
}
