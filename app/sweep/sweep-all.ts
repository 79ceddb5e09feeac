import type { Probot } from 'probot';
import type { AppSettings } from '../settings.js';
import { botLoginOf } from '../github/bot-login.js';
import { sweepInstallation, type InstallationSweepResult } from './sweep-installation.js';

export interface SweepAllResult {
  installations: number;
  results: InstallationSweepResult[];
  /** One line per installation or repository that failed. */
  failed: string[];
}

/** Every installation of the app, once (the scheduler and `key-hygiene-app sweep --once`). */
export async function sweepAll(app: Probot, settings: AppSettings, now: () => Date): Promise<SweepAllResult> {
  const appOctokit = await app.auth();
  const botLogin = await botLoginOf(app);
  const installations = await appOctokit.paginate('GET /app/installations', { per_page: 100 });
  const out: SweepAllResult = { installations: installations.length, results: [], failed: [] };
  for (const installation of installations) {
    if (installation.suspended_at) continue;
    try {
      const octokit = await app.auth(installation.id);
      const log = (message: string) => app.log.info(message);
      const result = await sweepInstallation({ octokit, botLogin, now: now(), dryRun: settings.dryRun, maxContent: settings.maxContentPerSweep, log });
      out.results.push(result);
      out.failed.push(...result.failed);
    } catch (error) {
      out.failed.push(`installation ${installation.id}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  }
  return out;
}
