import { escapeMarkdown } from '../../report/escape-markdown.js';
import { daysBetween, isoDay, plural, quoteUserText } from '../../report/render-issue-text.js';
import type { AuditProblem } from '../../audit/provider-admin.js';
import type { KeyMarker } from '../key-marker.js';
import type { ProviderIssueKey } from './provider-issue-id.js';
import { named, providerName } from './render-provider-issue.js';

// The bot's comments on a provider issue. The planner appends the hidden comment marker.

function mentionLine(owners: readonly string[]): string {
  return owners.length ? `${owners.join(' ')}: ` : '';
}

/** The periodic reminder. */
export function renderProviderReminder(key: ProviderIssueKey, owners: readonly string[]): string {
  return `${mentionLine(owners)}reminder — ${providerName(key.provider)} still reports the key ${named(key.keyId)} as ${key.problem}. The steps are in the issue description.`;
}

/** The one-time escalation to the policy's `escalate-to`. */
export function renderProviderEscalation(
  key: ProviderIssueKey,
  escalateTo: readonly string[],
  owners: readonly string[],
  now: Date,
  since: Date,
): string {
  const to = escalateTo.length ? `${escalateTo.join(' ')}: ` : '';
  const who = owners.length ? ` Owners: ${owners.join(' ')}.` : '';
  const days = plural(Math.max(daysBetween(since, now), 0), 'day');
  return `${to}escalating — ${providerName(key.provider)} has reported the key ${named(key.keyId)} as ${key.problem} for ${days}, past the policy’s \`escalate-after\`.${who} Please fix it, or record a decision with \`/snooze <days> <reason>\` or \`/exempt <reason>\`.`;
}

/** Why a provider issue closes: the key is gone from the provider's active keys, or its problem is. */
export function renderProviderResolved(key: ProviderIssueKey, why: 'gone' | 'fixed'): string {
  const provider = providerName(key.provider);
  const text =
    why === 'gone'
      ? `${provider} no longer lists the key ${named(key.keyId)} as active: it was deleted, revoked or expired.`
      : `${provider} no longer reports the key ${named(key.keyId)} as ${key.problem}: ${FIXED[key.problem]}.`;
  return `${text} Closing.`;
}

const FIXED: Record<AuditProblem, string> = {
  overdue: 'it is within the policy’s `rotate-every` now',
  unused: 'it was used again, or the policy’s `unused-after` changed',
  orphaned: 'its owner has access to the project again',
  'usage-spike': 'its use is back near its usual',
  'no-expiry': 'it has an expiry within the policy now',
};

/** The answer to `/status` on a provider issue, from its marker. */
export function renderProviderStatus(
  key: ProviderIssueKey,
  marker: Pick<KeyMarker, 'since' | 'lastReminderAt' | 'escalated' | 'snooze' | 'exemption'>,
  now: Date,
): string {
  const lines = [
    `Status of the ${providerName(key.provider)} key ${named(key.keyId)}:`,
    `- problem: ${key.problem}`,
    `- tracked since: ${marker.since ? isoDay(marker.since) : 'unknown'}`,
    `- last reminder: ${marker.lastReminderAt ? isoDay(marker.lastReminderAt) : 'none'}`,
    `- escalated: ${marker.escalated ? 'yes' : 'no'}`,
  ];
  if (marker.snooze && Date.parse(marker.snooze.until) > now.getTime())
    lines.push(
      `- snoozed until ${isoDay(marker.snooze.until)} by ${escapeMarkdown(marker.snooze.by.replace(/^@/, ''))}: ${quoteUserText(marker.snooze.reason) || 'no reason given'}`,
    );
  if (marker.exemption)
    lines.push(
      `- exempt since ${isoDay(marker.exemption.at)} (${escapeMarkdown(marker.exemption.by.replace(/^@/, ''))}): ${quoteUserText(marker.exemption.reason)}`,
    );
  return lines.join('\n');
}

/** The answer to `/rotated` or `/resolved` on a provider issue: the sweep reads the provider, not a command. */
export function renderProviderNoRecheck(key: ProviderIssueKey, command: 'rotated' | 'resolved'): string {
  return `\`/${command}\` does not apply here: this issue tracks ${providerName(key.provider)}'s own record of the key ${named(key.keyId)}, which each sweep reads again through the admin API. Fix the key at the provider and the next sweep closes this issue; or use \`/snooze <days> <reason>\` or \`/exempt <reason>\`.`;
}
