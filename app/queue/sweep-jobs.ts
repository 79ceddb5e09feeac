import type { Job } from 'bullmq';
import type { Probot } from 'probot';
import { botLoginOf } from '../github/bot-login.js';
import type { AppOctokit } from '../octokit/octokit.js';
import { createTeamRosterCache, type TeamRosterCache } from '../github/team-roster-cache.js';
import type { AppSettings } from '../settings.js';
import { processOrgSecretsPasses, type OrgSecretsPasses } from '../sweep/org-secrets-passes.js';
import type { ReachedRepository } from '../sweep/sweep-installation.js';
import { sweepOrgSecrets } from '../sweep/sweep-org-secrets.js';
import { sweepRepo } from '../sweep/sweep-repo.js';
import { providerAuditFor } from '../sweep/provider-audit-for.js';
import { sweepProviderKeys } from '../sweep/sweep-provider-keys.js';
import type { RepoLock } from '../repo/with-repo-lock.js';
import { guardContent, isContentCapReached } from './guard-content.js';
import type { InstallationJobData, OrgJobData, RepoJobData, SweepJobResult } from './job-data.js';
import { planFanOut, type FanOut } from './plan-fan-out.js';
import type { RunBudget } from './run-budget.js';
import { dueAtOfSchedulerJob, orgTarget, periodStart, runIdOf } from './run-ids.js';
import type { RunLedger } from './run-ledger.js';

const DAY = 86_400_000;

/** What a process needs to work sweep jobs. */
export interface SweepWork {
  app: Probot;
  settings: AppSettings;
  now: () => Date;
  /** Serialises sweeps of one repository within this process. */
  lock: RepoLock;
  ledger: RunLedger;
  budgetOf: (runId: string) => RunBudget;
  /** Queues jobs of a run (a dead letter among them starts afresh). */
  fanOut: (runId: string, jobs: FanOut['jobs']) => Promise<void>;
  log: (message: string) => void;
  /** The organisation passes the dashboards show; the process's memory by default. */
  orgPasses?: OrgSecretsPasses;
}

/** Works one job of a run: lists the installation, or sweeps an organisation's secrets, or a repository. */
export function workSweepJob(job: Job, work: SweepWork): Promise<SweepJobResult> {
  switch (job.name) {
    case 'installation':
      return listRun(job as Job<InstallationJobData>, work);
    case 'org':
      return sweepOrgJob(job as Job<OrgJobData>, work);
    case 'repo':
      return sweepRepoJob(job as Job<RepoJobData>, work);
    default:
      throw new Error(`unknown sweep job "${job.name}"`);
  }
}

/**
 * The installation's repositories, listed now, become the run's jobs; those done in the run
 * already are skipped. A schedule's job names no run: it is the run of the period it was due in.
 * https://docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-app-installation
 */
async function listRun(job: Job<InstallationJobData>, w: SweepWork): Promise<SweepJobResult> {
  const { installationId } = job.data;
  let runId = job.data.runId;
  if (runId === undefined) {
    runId = runIdOf(installationId, periodStart(dueAtOf(job), w.settings.sweepEveryMs || DAY));
    await job.updateData({ ...job.data, runId });
  }
  await w.ledger.open(runId, installationId, job.id!);
  const octokit = (await w.app.auth(installationId)) as AppOctokit;
  const repositories: ReachedRepository[] = await octokit.paginate('GET /installation/repositories', { per_page: 100 });
  const plan = planFanOut(runId, installationId, repositories, await w.ledger.done(runId));
  await w.fanOut(runId, plan.jobs);
  await w.ledger.listed(runId, plan.targets, plan.skipped);
  w.log(
    `run ${runId}: ${plan.jobs.length} jobs queued, ${plan.targets.length - plan.jobs.length} already done, ${plan.skipped.length} archived`,
  );
  return { actions: 0 };
}

/**
 * When a schedule's job fell due, the time `sweep --once` and a new installation's run are named
 * by too. Not its `timestamp`: BullMQ makes the next period's job when this one starts, a period
 * early, and delays it by the rest (updateJobScheduler-12.lua); `prevMillis` is not set for `every`.
 */
function dueAtOf(job: Job): number {
  return dueAtOfSchedulerJob(job.id ?? '') ?? job.timestamp + (job.opts.delay ?? 0);
}

async function sweepOrgJob(job: Job<OrgJobData>, w: SweepWork): Promise<SweepJobResult> {
  const { runId, installationId, org, repositories } = job.data;
  const c = await clientOf(w, installationId, runId);
  const swept = await withinBudget(c, (budget) => sweepOrgSecrets({ ...c.run, org, repositories, budget }));
  // The providers' key inventories, in the job of the one organisation the admin keys belong to.
  const audit = await providerAuditFor(w.app, w.settings, w.log);
  const providers =
    audit?.org.toLowerCase() === org.toLowerCase()
      ? await withinBudget(c, (budget) =>
          sweepProviderKeys({ ...c.run, providerAudit: audit, org, repositories, budget }),
        )
      : { actions: [] };
  // The repositories' dashboards say when the pass skipped the org's secrets, and the tracking
  // repository's lists them, in whichever process sweeps them.
  await w.ledger.setOrgNote(runId, org, passesOf(w).last(org) ?? { decisions: [] });
  await w.ledger.finish(runId, orgTarget(org), swept.actions.length + providers.actions.length);
  if (swept.skipped) w.log(`${org}: organisation secrets skipped, ${swept.skipped}`);
  return { actions: swept.actions.length + providers.actions.length };
}

async function sweepRepoJob(job: Job<RepoJobData>, w: SweepWork): Promise<SweepJobResult> {
  const { runId, installationId, owner, repo } = job.data;
  const note = await w.ledger.orgNote(runId, owner);
  if (note !== undefined) passesOf(w).note(owner, note);
  const c = await clientOf(w, installationId, runId);
  const swept = await withinBudget(c, (budget) => sweepRepo({ ...c.run, owner, repo, budget }));
  await w.ledger.finish(runId, `${owner}/${repo}`, swept.actions.length);
  return { actions: swept.actions.length };
}

function passesOf(w: SweepWork): OrgSecretsPasses {
  return w.orgPasses ?? processOrgSecretsPasses;
}

/** Team members read by this process for its latest runs: one list per team per run, not per repository job. */
const runTeams = new Map<string, TeamRosterCache>();
const RUNS_REMEMBERED = 8;

function teamsOfRun(runId: string, log: (message: string) => void): TeamRosterCache {
  let cache = runTeams.get(runId);
  if (!cache) {
    cache = createTeamRosterCache(log);
    runTeams.set(runId, cache);
    for (const old of runTeams.keys()) if (runTeams.size > RUNS_REMEMBERED) runTeams.delete(old);
  }
  return cache;
}

interface JobClient {
  run: {
    octokit: AppOctokit;
    botLogin: string;
    now: Date;
    dryRun: boolean;
    log: (message: string) => void;
    lock: RepoLock;
    onboardingAction: AppSettings['onboardingAction'];
    adminApis: AppSettings['adminApis'];
    teams: TeamRosterCache;
    orgPasses: OrgSecretsPasses;
  };
  budget: RunBudget;
  taken: () => number;
}

/** An installation client whose issues and comments draw on the run's shared budget. */
async function clientOf(w: SweepWork, installationId: number, runId: string): Promise<JobClient> {
  const octokit = (await w.app.auth(installationId)) as AppOctokit;
  const budget = w.budgetOf(runId);
  const { taken } = guardContent(octokit, budget);
  const run = {
    octokit,
    botLogin: await botLoginOf(w.app),
    now: w.now(),
    dryRun: w.settings.dryRun,
    log: w.log,
    lock: w.lock,
    onboardingAction: w.settings.onboardingAction,
    adminApis: w.settings.adminApis,
    teams: teamsOfRun(runId, w.log),
    orgPasses: passesOf(w),
  };
  return { run, budget, taken };
}

/**
 * Sweeps with what is left of the run's budget. When other processes spent it first (the guard
 * stopped a write), sweeps again with nothing to spend: the rest waits for the next run, as in one
 * process. What the sweep counted beyond the writes the guard took (a dry-run's plans) is counted too.
 */
async function withinBudget<T>(c: JobClient, sweep: (budget: { remaining: number }) => Promise<T>): Promise<T> {
  const budget = { remaining: await c.budget.left() };
  const start = budget.remaining;
  try {
    const result = await sweep(budget);
    await c.budget.spend(start - budget.remaining - c.taken());
    return result;
  } catch (error) {
    if (!isContentCapReached(error)) throw error;
    c.run.log(`${(error as Error).message}: the rest waits for the next sweep`);
    return sweep({ remaining: 0 });
  }
}
