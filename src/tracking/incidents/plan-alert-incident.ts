import {
  renderAlertIncidentBody,
  renderAlertIncidentTitle,
  renderAlertReopenedComment,
  renderAlertResolvedComment,
  type AlertIncidentView,
  type AlertPlace,
} from './render-alert-incident.js';
import { alertFingerprint } from './alert-fingerprint.js';
import { parseIncidentMarker, renderIncidentMarker } from '../incident-marker.js';
import type { OpenIssueAction } from '../issue-action.js';
import { openIncidentAction } from './plan-incidents.js';
import type { TrackedSecretType } from './secret-scanning-types.js';
import type { FingerprintKey } from '../../scan/fingerprint-key.js';
import {
  incidentProviderKey,
  renderProviderCloses,
  renderProviderLookup,
  type ProviderLookup,
} from './render-provider-key.js';
import { sealProviderKey } from './seal-provider-key.js';

/** The `secret_scanning_alert` actions that can start (or restart) an incident. */
export type AlertEvent = 'created' | 'reopened' | 'validated';

/** One of the bot's incidents, open or closed, as the REST API lists it. */
export interface ExistingIncident {
  number: number;
  state: 'open' | 'closed';
  body: string;
}

/** The alert as read through the API (with `hide_secret=true`: there is no secret here). */
export interface AlertFacts {
  repoId: number;
  /** `owner/name`. */
  repository: string;
  number: number;
  /** `open` or `resolved`. */
  state: string;
  /** `active`, `inactive`, `unknown`. */
  validity?: string;
  /** `created_at`, ISO. */
  createdAt: string;
  htmlUrl: string;
  place: AlertPlace | undefined;
}

export interface AlertIncidentInput {
  event: AlertEvent;
  alert: AlertFacts;
  type: TrackedSecretType;
  remediation: string;
  existing: readonly ExistingIncident[];
  now: Date;
  /** What the App found at the key's provider (its admin API), when it could look the key up. */
  lookup?: ProviderLookup;
  /** The App's key: seals a found provider key into the marker ({@link sealProviderKey}). */
  appKey?: FingerprintKey | undefined;
}

export type AlertIncidentPlan =
  | { kind: 'skip'; reason: string }
  | { kind: 'open'; action: OpenIssueAction }
  /** `PATCH` the issue open with `body` (a fresh checklist, `since` now), then comment. */
  | { kind: 'reopen'; issue: number; title: string; body: string; comment: string };

/**
 * What a `secret_scanning_alert` delivery does to the alert's incident (the alert is the identity:
 * {@link alertFingerprint}). At most one incident per alert, ever:
 * - none yet → open one (`since` the alert's creation; its reopening for `reopened`);
 * - an open one → nothing (a redelivery, or `created` then `reopened` before anyone closed it);
 * - a closed one → `created` does nothing (that leak was dealt with), while `reopened` and
 *   `validated` (GitHub found the key still works) reopen it: the user closed the incident
 *   believing the key dead, and GitHub now says otherwise, so the same issue — with its history —
 *   comes back with an unticked checklist and `since` now (rotations before the comeback no longer count).
 * Nothing for an alert that is resolved by the time it is read, or `validated` but not `active`.
 */
export function planAlertIncident(input: AlertIncidentInput): AlertIncidentPlan {
  const { alert, event, now } = input;
  if (alert.state !== 'open') return { kind: 'skip', reason: `the alert is ${alert.state}` };
  if (event === 'validated' && alert.validity !== 'active')
    return { kind: 'skip', reason: `the key was validated as ${alert.validity ?? 'unknown'}` };
  const fingerprint = alertFingerprint(alert.repoId, alert.number);
  const mine = input.existing
    .filter((i) => parseIncidentMarker(i.body)?.fingerprint === fingerprint)
    .sort((a, b) => b.number - a.number);
  const open = mine.find((i) => i.state === 'open');
  if (open) return { kind: 'skip', reason: `incident #${open.number} is open` };
  const closed = mine[0];
  if (closed && event === 'created') return { kind: 'skip', reason: `incident #${closed.number} was closed` };
  const found = input.lookup?.kind === 'found' ? input.lookup.key : undefined;
  const created = new Date(alert.createdAt);
  const leakedAt =
    (event === 'created' || (event === 'validated' && !closed)) && !Number.isNaN(created.getTime()) ? created : now;
  const view: AlertIncidentView = {
    keyKind: input.type.keyKind,
    repository: alert.repository,
    place: alert.place,
    alertNumber: alert.number,
    alertUrl: alert.htmlUrl,
    remediation: input.remediation,
    leakedAt,
    ...(input.lookup && {
      atProvider: {
        state: renderProviderLookup(input.lookup),
        ...(found && { closes: renderProviderCloses(found.provider) }),
      },
    }),
  };
  const marker = renderIncidentMarker({
    fingerprint,
    detector: input.type.detector,
    provider: input.type.provider,
    since: leakedAt.toISOString(),
    ...(found && { providerKey: incidentProviderKey(found, sealProviderKey(fingerprint, found, input.appKey)) }),
  });
  const title = renderAlertIncidentTitle(view);
  const body = renderAlertIncidentBody(view, marker);
  if (closed)
    return {
      kind: 'reopen',
      issue: closed.number,
      title,
      body,
      comment: renderAlertReopenedComment(view, event === 'validated' ? 'validated' : 'reopened'),
    };
  return { kind: 'open', action: openIncidentAction(fingerprint, title, body) };
}

/** An alert as read after a `resolved` delivery (`hide_secret=true`). */
export interface ResolvedAlertFacts {
  repoId: number;
  number: number;
  /** `resolved`, or `open` again by the time it is read. */
  state: string;
  /** `revoked`, `false_positive`, `wont_fix`, `used_in_tests`, `pattern_deleted`, `pattern_edited`. */
  resolution?: string;
  /** Who resolved it (a login). */
  resolvedBy?: string;
  htmlUrl: string;
}

export type AlertResolvedPlan =
  | { kind: 'skip'; reason: string }
  /** Comment (why), then close with `reason`. */
  | { kind: 'close'; issue: number; reason: 'completed' | 'not_planned'; comment: string };

/**
 * What `secret_scanning_alert.resolved` does to the alert's incident: whoever resolved the alert
 * on GitHub (people with the security-alert permission) has decided, so its open incident closes —
 * as completed when the key was revoked, as not planned otherwise (false positive, used in tests,
 * won't fix, pattern gone) — with a comment that says so. Nothing when the alert is open again by
 * the time it is read, or has no open incident. A reopened alert reopens the incident
 * ({@link planAlertIncident}).
 */
export function planAlertResolved(alert: ResolvedAlertFacts, existing: readonly ExistingIncident[]): AlertResolvedPlan {
  if (alert.state !== 'resolved') return { kind: 'skip', reason: `the alert is ${alert.state} again` };
  const fingerprint = alertFingerprint(alert.repoId, alert.number);
  const open = existing
    .filter((i) => i.state === 'open' && parseIncidentMarker(i.body)?.fingerprint === fingerprint)
    .sort((a, b) => a.number - b.number)[0];
  if (!open) return { kind: 'skip', reason: 'it has no open incident' };
  const revoked = alert.resolution === 'revoked';
  return {
    kind: 'close',
    issue: open.number,
    reason: revoked ? 'completed' : 'not_planned',
    comment: renderAlertResolvedComment(alert),
  };
}
