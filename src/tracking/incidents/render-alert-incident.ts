import { articled, LEAK_STAYS, renderIncidentChecklist } from './render-incident.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { inlineCode, isoDay } from '../../report/render-issue-text.js';

/** Where GitHub first saw the secret: a line of a file in a commit, or another place (an issue body…). */
export type AlertPlace = { kind: 'file'; path: string; line: number; commit: string } | { kind: 'other'; what: string };

/** A secret scanning alert as its incident issue shows it. The secret is never part of it. */
export interface AlertIncidentView {
  /** Our name for the key kind, e.g. "OpenAI API key". */
  keyKind: string;
  /** `owner/name`, said when GitHub gives no place. */
  repository: string;
  place: AlertPlace | undefined;
  alertNumber: number;
  /** The alert on github.com: whoever triages the incident can resolve it there. */
  alertUrl: string;
  remediation: string;
  /** When the leak counts from: the alert's creation, or its reopening. */
  leakedAt: Date;
  /** What the App found at the key's provider (src/tracking/incidents/render-provider-key.ts), and how the incident then ends. */
  atProvider?: { state: string; closes?: string };
}

const oneLine = (text: string): string => text.replace(/[\r\n]/g, ' ');

function where(view: AlertIncidentView): string {
  const { place } = view;
  if (!place) return view.repository;
  return oneLine(place.kind === 'file' ? place.path : place.what);
}

/** "Leaked OpenAI API key in src/config.py — revoke it now": the push incident's form. */
export function renderAlertIncidentTitle(view: AlertIncidentView): string {
  return `Leaked ${view.keyKind} in ${where(view)} — revoke it now`;
}

/**
 * The incident of an alert: what GitHub found where (the value "hidden by GitHub": the bot reads
 * alerts with `hide_secret=true` and never holds it), a link to the alert, and the same checklist
 * as a push's incident. `marker` is appended as given.
 */
export function renderAlertIncidentBody(view: AlertIncidentView, marker: string): string {
  const { place } = view;
  const at =
    place?.kind === 'file'
      ? `at ${inlineCode(place.path)} line ${place.line}, in commit ${escapeMarkdown(place.commit.slice(0, 12))}`
      : `in ${place ? escapeMarkdown(place.what) : inlineCode(view.repository)}`;
  return (
    [
      `GitHub secret scanning found ${articled(view.keyKind)} (hidden by GitHub) ${at}: [alert #${view.alertNumber}](${view.alertUrl}).`,
      ...(view.atProvider ? [view.atProvider.state] : []),
      LEAK_STAYS,
      view.remediation,
      '## Checklist',
      renderIncidentChecklist(view.leakedAt),
      ...(view.atProvider?.closes ? [view.atProvider.closes] : []),
      marker,
    ].join('\n\n') + '\n'
  );
}

/** Said on an incident the bot reopens because its alert came back. */
export function renderAlertReopenedComment(view: AlertIncidentView, why: 'reopened' | 'validated'): string {
  const reason =
    why === 'reopened'
      ? `GitHub's [alert #${view.alertNumber}](${view.alertUrl}) was reopened on ${isoDay(view.leakedAt)}`
      : `GitHub checked the key of [alert #${view.alertNumber}](${view.alertUrl}) on ${isoDay(view.leakedAt)} and it still works`;
  return `${reason}: the leak is not over, so this incident is open again. The checklist starts afresh.`;
}

/** How GitHub's resolutions read in a sentence. */
const RESOLUTIONS: Record<string, string> = {
  revoked: 'revoked',
  false_positive: 'a false positive',
  wont_fix: "won't fix",
  used_in_tests: 'used in tests',
  pattern_deleted: 'its pattern deleted',
  pattern_edited: 'its pattern edited',
};

/**
 * The comment closing an incident whose alert was resolved on GitHub. The resolver is named, not
 * mentioned (no notification for them); their resolution comment is not quoted (free text).
 */
export function renderAlertResolvedComment(alert: {
  number: number;
  htmlUrl: string;
  resolution?: string;
  resolvedBy?: string;
}): string {
  const how = RESOLUTIONS[alert.resolution ?? ''] ?? 'resolved';
  const by = alert.resolvedBy ? ` by ${inlineCode(alert.resolvedBy)}` : '';
  const head = `GitHub's [alert #${alert.number}](${alert.htmlUrl}) was resolved as ${how}${by}`;
  if (alert.resolution === 'revoked') {
    return `${head}: the key no longer works, so this incident is closed. If its replacement is not yet in every environment's secret, rotate it there too. Should the alert be reopened, this incident reopens with it.`;
  }
  return `${head}, so this incident is closed as not planned. Should the alert be reopened, this incident reopens with it.`;
}
