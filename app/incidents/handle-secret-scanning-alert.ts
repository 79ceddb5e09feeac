import type { Context, Probot } from 'probot';
import { detectors } from '../../src/detectors/registry.js';
import { FALLBACK_REMEDIATION } from '../../src/report/fallback-remediation.js';
import {
  planAlertIncident,
  planAlertResolved,
  type AlertEvent,
  type AlertIncidentPlan,
  type AlertResolvedPlan,
} from '../../src/tracking/incidents/plan-alert-incident.js';
import { trackedSecretType } from '../../src/tracking/incidents/secret-scanning-types.js';
import type { AppDeps } from '../deps.js';
import { missingPermission, splitRepository, statusOf, type AppOctokit } from '../octokit/octokit.js';
import { withIncidentOwners } from '../../src/tracking/incidents/incident-owners.js';
import { applyActions } from '../repo/apply-actions.js';
import { incidentOwners } from './incident-owners.js';
import { handlerContext } from '../repo/handler-context.js';
import { listIncidents } from './open-incidents.js';
import { readAlert } from './read-alert.js';
import { readAlertSecret } from './read-alert-secret.js';
import { lookUpValue } from './look-up-leaked-keys.js';
import { providerAdmins } from './provider-admins.js';
import { isAdminProvider } from '../../src/audit/admin-clients.js';
import type { ProviderLookup } from '../../src/tracking/incidents/render-provider-key.js';
import { oneLineError } from '../../src/one-line-error.js';

/**
 * A GitHub secret scanning alert becomes a leak incident, through the same labels,
 * markers and writer as a push's. The payload only routes: the alert is read through the API with
 * `hide_secret=true` (the payload's fields are never rendered, its secret, if any, never kept), and
 * {@link planAlertIncident} decides open / reopen / nothing ({@link planAlertResolved}: close, when
 * the alert was resolved on GitHub) — logged, not written, in dry-run
 * (`KEY_HYGIENE_DRY_RUN` or the policy's `dry-run`). Every outcome is one log line without
 * the secret — a 403 (no "Secret scanning alerts" permission) too. Nothing is rethrown: Probot
 * would log the failed delivery's whole payload.
 * https://docs.github.com/webhooks/webhook-events-and-payloads#secret_scanning_alert
 */
export async function handleSecretScanningAlert(
  context: Context<'secret_scanning_alert'>,
  app: Probot,
  deps: AppDeps,
): Promise<void> {
  const { payload } = context;
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const at = `${owner}/${repo} secret scanning alert #${payload.alert.number ?? 0} (${payload.action})`;
  try {
    context.log.info(`${at}: ${await incidentFor(context, app, deps)}`);
  } catch (error) {
    const status = statusOf(error);
    const needs = missingPermission(error);
    const why =
      status === undefined
        ? `failed: ${oneLineError(error)}`
        : `GitHub answered ${status}${needs ? ` (needs ${needs})` : ''}`;
    context.log.warn(`${at}: ${why}, no incident`);
  }
}

/** What the delivery did, in words. Throws the API's errors. */
async function incidentFor(context: Context<'secret_scanning_alert'>, app: Probot, deps: AppDeps): Promise<string> {
  const { payload } = context;
  if (payload.action === 'resolved') return closeResolved(context, app, deps);
  const event = payload.action as AlertEvent;
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const number = payload.alert.number ?? 0;
  // `validated` fires on every change of validity; only a key GitHub found working is a leak to act on.
  if (event === 'validated' && payload.alert.validity !== 'active')
    return `validated as ${payload.alert.validity ?? 'unknown'}, no incident`;
  const type = trackedSecretType(payload.alert.secret_type);
  if (!type)
    return `secret type "${(payload.alert.secret_type ?? '').slice(0, 100)}" is not one Key Hygiene tracks, no incident`;
  const h = handlerContext(context, app, deps);
  const { octokit } = h;
  const alert = await readAlert(octokit, owner, repo, number);
  const kind = trackedSecretType(alert.secretType) ?? type;
  const lookup = await lookUpAlertKey(h.octokit, { owner, repo, number }, kind.provider, deps);
  const { dryRun } = await h.policy(owner, repo);
  const botLogin = await h.botLogin();
  // The lock covers the list of incidents and the writes planned from it, nothing read before.
  return deps.lock(`${owner}/${repo}`, async () => {
    const plan = planAlertIncident({
      event,
      alert: { repoId: payload.repository.id, repository: `${owner}/${repo}`, number, ...alert },
      type: kind,
      remediation: detectors.find((d) => d.id === kind.detector)?.remediation ?? FALLBACK_REMEDIATION,
      existing: await listIncidents(octokit, owner, repo, botLogin),
      now: deps.now(),
      ...(lookup && { lookup }),
      appKey: deps.fingerprintKey,
    });
    return applyAlertPlan(octokit, plan, { owner, repo, botLogin, dryRun, now: deps.now(), log: h.log });
  });
}

/**
 * The alert's key in its provider's inventory, when the server has that provider's admin key
 * (README, "Leak incidents"): only then is the alert's value read ({@link readAlertSecret}), to be
 * compared and dropped.
 */
async function lookUpAlertKey(
  octokit: AppOctokit,
  at: { owner: string; repo: string; number: number },
  provider: string,
  deps: AppDeps,
): Promise<ProviderLookup | undefined> {
  const admins = providerAdmins(deps.settings.adminApis);
  if (!isAdminProvider(provider) || !admins.providers.has(provider)) return undefined;
  // The incident opens whatever this read does: a failure is said on it, in one line.
  const value = await readAlertSecret(octokit, at.owner, at.repo, at.number).catch((error: unknown) => {
    const status = statusOf(error);
    return { failed: status === undefined ? oneLineError(error) : `GitHub answered ${status}` };
  });
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    return { kind: 'failed', provider, why: `I could not read the alert's value (${value.failed})` };
  return lookUpValue(value, provider, admins);
}

/**
 * `resolved`: the alert's open incident closes ({@link planAlertResolved}). Alerts of types Key
 * Hygiene does not track never had one, and are not read.
 */
async function closeResolved(context: Context<'secret_scanning_alert'>, app: Probot, deps: AppDeps): Promise<string> {
  const { payload } = context;
  if (!trackedSecretType(payload.alert.secret_type)) return 'not a tracked secret type, no incident';
  const { owner, repo } = splitRepository(payload.repository.full_name);
  const number = payload.alert.number ?? 0;
  const h = handlerContext(context, app, deps);
  const { octokit } = h;
  const alert = await readAlert(octokit, owner, repo, number);
  const { dryRun } = await h.policy(owner, repo);
  const botLogin = await h.botLogin();
  return deps.lock(`${owner}/${repo}`, async () => {
    const plan = planAlertResolved(
      { repoId: payload.repository.id, number, ...alert },
      await listIncidents(octokit, owner, repo, botLogin),
    );
    return applyResolvedPlan(octokit, plan, { owner, repo, dryRun });
  });
}

/** The comment first: a closed issue whose comment failed would not say why. */
async function applyResolvedPlan(
  octokit: AppOctokit,
  plan: AlertResolvedPlan,
  at: { owner: string; repo: string; dryRun: boolean },
): Promise<string> {
  if (plan.kind === 'skip') return `nothing to close: ${plan.reason}`;
  if (at.dryRun) return `dry-run: would close incident #${plan.issue} (${plan.reason})`;
  const { owner, repo } = at;
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: plan.issue,
    body: plan.comment,
  });
  await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: plan.issue,
    state: 'closed',
    state_reason: plan.reason,
  });
  return `incident #${plan.issue} closed (${plan.reason})`;
}

interface ApplyAt {
  owner: string;
  repo: string;
  botLogin: string;
  dryRun: boolean;
  now: Date;
  log: (message: string) => void;
}

/** Opens through the writer pushes use (twin check, dry-run), naming and assigning the repository's owners; a reopen is `PATCH` then the comment that says why. */
async function applyAlertPlan(octokit: AppOctokit, plan: AlertIncidentPlan, at: ApplyAt): Promise<string> {
  if (plan.kind === 'skip') return `no incident: ${plan.reason}`;
  if (plan.kind === 'open') {
    const { owners, teams } = await incidentOwners(octokit, at.owner, at.repo, at.now, at.log);
    const [applied] = await applyActions(octokit, [withIncidentOwners(plan.action, owners, teams)], at);
    if (at.dryRun) return 'dry-run, no incident opened';
    return applied ? `incident #${applied.number} opened` : 'incident left to another process opening it';
  }
  if (at.dryRun) return `dry-run: would reopen incident #${plan.issue}`;
  const { owner, repo } = at;
  await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
    owner,
    repo,
    issue_number: plan.issue,
    state: 'open',
    title: plan.title,
    body: plan.body,
  });
  await octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
    owner,
    repo,
    issue_number: plan.issue,
    body: plan.comment,
  });
  return `incident #${plan.issue} reopened`;
}
