import type { KeyIssueView } from './key-issue-view.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { daysBetween, inlineCode, isoDay, plural, quoteUserText } from '../../report/render-issue-text.js';

// The bot's comments on a key issue. The planner appends the hidden comment marker.

function keyName(view: Pick<KeyIssueView, 'key'>): string {
  if (view.key.problem === 'unprotected') return `the environment ${inlineCode(view.key.environment ?? '')}`;
  const env = view.key.environment ? ` in ${inlineCode(view.key.environment)}` : '';
  return `${inlineCode(view.key.secret)}${env}`;
}

function ownersLine(owners: string[]): string {
  return owners.length ? `${owners.join(' ')}: ` : '';
}

/** The periodic reminder; the first one after a key turns overdue says so. */
export function renderReminder(view: KeyIssueView, now: Date): string {
  const who = ownersLine(view.owners);
  switch (view.state) {
    case 'due-soon': {
      const left = view.dueAt ? Math.max(daysBetween(now, view.dueAt), 0) : 0;
      return `${who}reminder — ${keyName(view)} is due for rotation on ${view.dueAt ? isoDay(view.dueAt) : '?'} (in ${plural(left, 'day')}).`;
    }
    case 'overdue': {
      const late = view.dueAt ? Math.max(daysBetween(view.dueAt, now), 0) : 0;
      return `${who}${keyName(view)} is **overdue** for rotation: it was due on ${view.dueAt ? isoDay(view.dueAt) : '?'} (${plural(late, 'day')} ago). The steps are in the issue description.`;
    }
    case 'shared':
      return `${who}reminder — ${inlineCode(view.key.secret)} is still one value shared by every environment. The steps are in the issue description.`;
    case 'missing':
      return `${who}reminder — ${keyName(view)} still has no value of its own. The steps are in the issue description.`;
    case 'unprotected':
      return `${who}reminder — ${keyName(view)} still looks like production and has no deployment branch policy and no required reviewers: any branch's job can read its secrets. The steps are in the issue description.`;
  }
}

/** The one-time escalation to the policy's `escalate-to`. */
export function renderEscalation(view: KeyIssueView, escalateTo: string[], now: Date, since: Date | undefined): string {
  const to = escalateTo.length ? `${escalateTo.join(' ')}: ` : '';
  const owners = view.owners.length ? ` Owners: ${view.owners.join(' ')}.` : '';
  const age = since ? ` for ${plural(Math.max(daysBetween(since, now), 0), 'day')}` : '';
  const what = view.state === 'overdue' ? `has been overdue for rotation${age}` : `has needed attention${age}`;
  const fix = view.state === 'unprotected' ? 'protect it' : 'rotate it';
  return `${to}escalating — ${keyName(view)} ${what}, past the policy’s \`escalate-after\`.${owners} Please ${fix}, or record a decision with \`/snooze <days> <reason>\` or \`/exempt <reason>\`.`;
}

/** The closing comment after a rotation: "rotated on …; next due …". */
export function renderRotated(view: Pick<KeyIssueView, 'key'>, rotatedAt: Date, nextDue: Date | undefined): string {
  const next = nextDue ? `; next due ${isoDay(nextDue)}` : '';
  return `${keyName(view)} was rotated on ${isoDay(rotatedAt)}${next}. Thank you — closing.`;
}

/** The closing comment when the problem went away some other way. */
export function renderResolved(
  view: Pick<KeyIssueView, 'key'>,
  why: 'fixed' | 'not-due' | 'untracked' | 'exempt',
): string {
  const text = {
    fixed: 'is fixed: the latest sweep no longer sees the problem',
    'not-due': 'is no longer due under the current policy',
    untracked: 'is no longer found, or the policy no longer tracks it',
    exempt: 'is exempt from tracking',
  }[why];
  return `${keyName(view)} ${text}. Closing.`;
}

/** The closing comment of an unprotected environment's issue: why the sweep no longer reports it. */
export function renderEnvironmentResolved(
  environment: string,
  why: 'protected' | 'gone' | 'not-production' | 'fixed',
): string {
  const name = `The environment ${inlineCode(environment)}`;
  const text = {
    protected: `${name} is protected now: it has a deployment branch policy or required reviewers, so not every branch's job can read its secrets`,
    gone: `${name} no longer exists (deleted or renamed); a production-like environment under a new name gets its own issue if it is unprotected`,
    'not-production': `${name} no longer matches the policy's \`production-environments\``,
    fixed: `${name} is no longer reported as unprotected by the latest sweep`,
  }[why];
  return `${text}. Closing.`;
}

/** Closing a second issue for the same key. */
export function renderDuplicate(original: number): string {
  return `Duplicate of #${original}, which tracks the same key. Closing this one.`;
}

/** The answer to `/status`. */
export function renderStatus(
  view: {
    secret: string;
    /** The issue tracks the environment's protection, not one of its secrets. */
    wholeEnvironment?: boolean;
    environment?: string;
    state?: string;
    lastRotated?: string;
    dueAt?: string;
    lastReminderAt?: string;
    escalated?: boolean;
    snooze?: { until: string; by: string; reason: string };
    exemption?: { by: string; reason: string; at: string };
  },
  now: Date,
): string {
  const env = view.environment ? ` in ${inlineCode(view.environment)}` : '';
  const lines = [
    view.wholeEnvironment
      ? `Status of the environment ${inlineCode(view.environment ?? '')}:`
      : `Status of ${inlineCode(view.secret)}${env}:`,
    `- state: ${view.state ?? 'unknown'}`,
    ...(view.wholeEnvironment ? [] : [`- last rotated: ${view.lastRotated ? isoDay(view.lastRotated) : 'unknown'}`]),
    ...(view.dueAt ? [`- due: ${isoDay(view.dueAt)}`] : []),
    `- last reminder: ${view.lastReminderAt ? isoDay(view.lastReminderAt) : 'none'}`,
    `- escalated: ${view.escalated ? 'yes' : 'no'}`,
  ];
  if (view.snooze && Date.parse(view.snooze.until) > now.getTime()) {
    lines.push(
      `- snoozed until ${isoDay(view.snooze.until)} by ${escapeMarkdown(view.snooze.by.replace(/^@/, ''))}: ${quoteUserText(view.snooze.reason) || 'no reason given'}`,
    );
  }
  if (view.exemption)
    lines.push(
      `- exempt since ${isoDay(view.exemption.at)} (${escapeMarkdown(view.exemption.by.replace(/^@/, ''))}): ${quoteUserText(view.exemption.reason)}`,
    );
  return lines.join('\n');
}
