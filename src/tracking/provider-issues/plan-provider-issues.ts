import type { AdminProviderId, AuditFinding, AuditProblem } from '../../audit/provider-admin.js';
import { capActions, type ActionGroup, type CappedActions } from '../cap-actions.js';
import { renderCommentMarker } from '../comment-marker.js';
import type { IssueAction } from '../issue-action.js';
import { keyMarkerOf } from '../issue-kind.js';
import { renderKeyMarker, type KeyMarker } from '../key-marker.js';
import { sameLogin } from '../key-issues/last-notice.js';
import { planDuplicateClose } from '../key-issues/plan-twin-close.js';
import { planAssignees } from '../plan-assignees.js';
import { planProviderUpdate, providerLabels, type MarkedProviderIssue } from './plan-provider-update.js';
import type { ProviderAuditRead, ProviderPlanInput } from './provider-plan-input.js';
import { parseProviderIssueId, providerIssueId } from './provider-issue-id.js';
import { renderProviderResolved } from './render-provider-comment.js';
import { renderProviderBody, renderProviderTitle } from './render-provider-issue.js';

const PRIORITY: Record<AuditProblem | 'close', number> = {
  close: 0,
  'usage-spike': 1,
  orphaned: 2,
  overdue: 2,
  unused: 3,
  'no-expiry': 3,
};

/** Problems whose truth rests on the usage read (a spike; a last use derived from usage). */
const FROM_USAGE: readonly AuditProblem[] = ['usage-spike', 'unused'];

/**
 * Everything the bot should do to its provider issues — one per problem of one key at one provider
 * (`overdue`, `unused`, `orphaned`, `usage-spike`, `no-expiry`) — in the organisation's
 * `org-secrets-repo`, given what the audits found at `now`. The same rules as key issues, and the
 * same marker: matched by the hidden id, never by title; duplicates closed, the oldest kept; an
 * exemption is never reopened; reminders every `reminders.overdue`, one escalation after
 * `escalate-after` from the opening; a snooze holds both. An issue closes when its provider, read
 * whole this sweep, no longer reports the problem — and only then: a provider that could not be
 * read leaves its issues as they are. Pure and idempotent.
 */
export function planProviderIssues(input: ProviderPlanInput): CappedActions {
  const groups: ActionGroup[] = [];
  for (const audit of input.audits) groups.push(...planProvider(audit, input));
  return capActions(groups, input.maxContent);
}

function planProvider(audit: ProviderAuditRead, input: ProviderPlanInput): ActionGroup[] {
  const problems = new Map<string, AuditFinding>();
  for (const finding of audit.findings) {
    if (finding.provider !== audit.provider) continue;
    const id = providerIssueId(finding);
    if (!problems.has(id)) problems.set(id, finding);
  }
  const byId = markedIssues(input, audit.provider);
  const groups: ActionGroup[] = [];
  for (const [id, marked] of byId) {
    const open = marked.filter((m) => m.issue.state === 'open').sort((a, b) => a.issue.number - b.issue.number);
    const [kept, ...duplicates] = open;
    for (const dup of duplicates)
      groups.push({
        priority: PRIORITY.close,
        actions: [planDuplicateClose(id, dup.issue.number, kept!.issue.number)],
      });
    if (!kept) continue;
    if (marked.some((m) => m.marker.exemption !== undefined)) {
      groups.push({
        priority: PRIORITY.close,
        actions: [{ type: 'close', key: id, issue: kept.issue.number, reason: 'not_planned' }],
      });
      continue;
    }
    const finding = problems.get(id);
    if (finding) {
      groups.push({ priority: PRIORITY[kept.key.problem], actions: planProviderUpdate(kept, input) });
      continue;
    }
    const active = audit.keys.some((k) => k.id === kept.key.keyId && k.status === 'active');
    // A key still active whose problem rests on usage that could not be read: unknown, not fixed.
    if (active && audit.usageUnread && FROM_USAGE.includes(kept.key.problem)) continue;
    groups.push({ priority: PRIORITY.close, actions: [planClose(kept, active ? 'fixed' : 'gone')] });
  }
  for (const [id, finding] of problems) {
    const marked = byId.get(id) ?? [];
    if (marked.some((m) => m.marker.exemption !== undefined || m.issue.state === 'open')) continue;
    groups.push({ priority: PRIORITY[finding.problem], actions: [planOpen(id, finding, input)] });
  }
  return groups;
}

/** The bot's own issues whose key marker names a problem of `provider`, by id. */
function markedIssues(input: ProviderPlanInput, provider: AdminProviderId): Map<string, MarkedProviderIssue[]> {
  const byId = new Map<string, MarkedProviderIssue[]>();
  for (const issue of input.issues) {
    if (issue.author !== undefined && !sameLogin(issue.author, input.botLogin)) continue;
    const marker = keyMarkerOf(issue);
    const key = marker && parseProviderIssueId(marker.key);
    if (!marker || key?.provider !== provider) continue;
    byId.set(marker.key, [...(byId.get(marker.key) ?? []), { issue, marker, key }]);
  }
  return byId;
}

/** A new issue; its opening counts as the first reminder. The owners are assigned as well as mentioned. */
function planOpen(id: string, finding: AuditFinding, input: ProviderPlanInput): IssueAction {
  const now = input.now.toISOString();
  const marker: KeyMarker = { key: id, since: now, lastReminderAt: now };
  const { assign, note } = planAssignees(input.owners, input.teams);
  return {
    type: 'open',
    key: id,
    title: renderProviderTitle(finding),
    body: renderProviderBody(finding, {
      marker: renderKeyMarker(marker),
      owners: input.owners,
      maxSnooze: input.policy['max-snooze'],
      ...(note && { ownersNote: note }),
    }),
    labels: providerLabels(finding.problem, false),
    ...(assign && { assign }),
  };
}

function planClose({ issue, marker, key }: MarkedProviderIssue, why: 'gone' | 'fixed'): IssueAction {
  return {
    type: 'close',
    key: marker.key,
    issue: issue.number,
    reason: 'completed',
    comment: `${renderProviderResolved(key, why)}\n\n${renderCommentMarker({ key: marker.key, kind: 'resolved' })}`,
  };
}
