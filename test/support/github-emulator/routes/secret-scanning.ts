import { notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { renderSecretScanningAlert, renderSecretScanningLocation } from '../render/secret-scanning.js';
import type { Route, RouteContext } from '../router.js';
import type { SecretScanningAlertRecord } from '../types.js';

/** `hide_secret` is a boolean query parameter, default false: only `true` hides the value. */
const hidesSecret = (ctx: RouteContext): boolean => ctx.query.get('hide_secret')?.toLowerCase() === 'true';

/** A comma-separated filter (`secret_type`, `validity`); absent means any. */
function matchesList(value: string, list: string | null): boolean {
  if (!list) return true;
  return list
    .split(',')
    .map((v) => v.trim())
    .includes(value);
}

function alertOf(ctx: RouteContext): SecretScanningAlertRecord {
  const number = Number(ctx.params.alert_number);
  const alert = ctx.store.secretScanningAlerts.find((a) => a.repoId === ctx.repo.id && a.number === number);
  if (!alert) throw notFound();
  return alert;
}

/** https://docs.github.com/rest/secret-scanning/secret-scanning#list-secret-scanning-alerts-for-a-repository */
function listAlerts(ctx: RouteContext) {
  const q = ctx.query;
  const state = q.get('state');
  const byUpdated = q.get('sort') === 'updated';
  const ascending = q.get('direction') === 'asc';
  const alerts = ctx.store.secretScanningAlerts
    .filter((a) => a.repoId === ctx.repo.id && (!state || a.state === state))
    .filter((a) => matchesList(a.secretType, q.get('secret_type')) && matchesList(a.validity, q.get('validity')));
  const time = (a: SecretScanningAlertRecord): number => (byUpdated ? a.updatedAt : a.createdAt).getTime();
  const order = (a: SecretScanningAlertRecord, b: SecretScanningAlertRecord): number =>
    time(a) - time(b) || a.number - b.number;
  alerts.sort((a, b) => (ascending ? order(a, b) : order(b, a)));
  const page = paginate(ctx, alerts);
  const hide = hidesSecret(ctx);
  return {
    status: 200,
    body: page.items.map((a) => renderSecretScanningAlert(ctx, ctx.repo, a, hide)),
    headers: page.headers,
  };
}

export const secretScanningRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/secret-scanning/alerts',
    auth: 'token',
    scope: 'repo',
    handle: listAlerts,
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => ({ status: 200, body: renderSecretScanningAlert(ctx, ctx.repo, alertOf(ctx), hidesSecret(ctx)) }),
  },
  {
    method: 'GET',
    path: '/repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations',
    auth: 'token',
    scope: 'repo',
    handle: (ctx) => {
      const page = paginate(ctx, alertOf(ctx).locations);
      return {
        status: 200,
        body: page.items.map((l) => renderSecretScanningLocation(ctx, ctx.repo, l)),
        headers: page.headers,
      };
    },
  },
];
