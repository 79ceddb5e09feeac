import type { KeyIssueView } from './key-issue-view.js';
import { renderIssueHelp } from './render-issue-help.js';
import {
  renderMissingSteps,
  renderProtectSteps,
  renderRotationSteps,
  renderSplitSteps,
  secretLocation,
} from './render-issue-steps.js';
import { daysBetween, inlineCode, isoDay, plural } from '../../report/render-issue-text.js';
import { CONFIG_PATH } from '../../policy/config-path.js';

export interface IssueBodyOptions {
  /** The hidden marker (`renderKeyMarker`), appended last. */
  marker: string;
  /** The policy's `max-snooze`, for the commands table. */
  maxSnooze: string;
  now: Date;
  /** Said under the owners, e.g. that GitHub's 10 assignees could not hold them all. */
  ownersNote?: string;
}

const WHY: Record<KeyIssueView['state'], string> = {
  'due-soon':
    'A key that stays the same for long widens the window an attacker has: every copy made along the way — a laptop, a CI log, a backup, a former colleague’s notes — keeps working until the key is replaced. Rotating on a schedule closes that window.',
  overdue:
    'A key that stays the same for long widens the window an attacker has: every copy made along the way — a laptop, a CI log, a backup, a former colleague’s notes — keeps working until the key is replaced. Rotating on a schedule closes that window.',
  shared:
    'One value that every environment shares means a leak from the least protected one (a development machine, a preview deployment) opens production too, and the key cannot be rotated or revoked for one environment without breaking the others.',
  missing:
    'Without its own value, the environment’s jobs either fail or fall back to a value shared with every other environment — so a leak anywhere reaches it.',
  unprotected:
    'An environment’s secrets go to every job that deploys to it. With no deployment branch policy and no required reviewers, a workflow on any branch — a pull request’s branch pushed by anyone with write access, a compromised dependency’s workflow change — can name the environment and read its production keys.',
};

/**
 * The body of a key issue: what is wrong, why it matters, how to fix it (provider-specific steps),
 * who owns it, the commands, and the hidden marker. Names and dates only — never a secret value.
 */
export function renderIssueBody(view: KeyIssueView, options: IssueBodyOptions): string {
  const owners = view.owners.length
    ? view.owners.join(' ')
    : `No owners found: add \`owners\` for this key in \`${CONFIG_PATH}\`, or a CODEOWNERS file.`;
  return [
    '### What',
    renderWhat(view, options.now),
    '',
    '### Why',
    WHY[view.state],
    '',
    '### How',
    ...stepsFor(view).map((step, i) => `${i + 1}. ${step}`),
    '',
    closing(view.state),
    '',
    '### Owners',
    owners,
    ...(options.ownersNote ? ['', options.ownersNote] : []),
    '',
    '<details><summary>Commands</summary>',
    '',
    renderIssueHelp(options.maxSnooze),
    '',
    '</details>',
    '',
    options.marker,
    '',
  ].join('\n');
}

function closing(state: KeyIssueView['state']): string {
  switch (state) {
    case 'due-soon':
    case 'overdue':
      return 'No need to close this issue: the next sweep sees the new `updated_at` and closes it (comment `/rotated` to check now).';
    case 'unprotected':
      return 'No need to close this issue: the next sweep sees the protection (or that the environment is gone) and closes it.';
    default:
      return 'No need to close this issue: the next sweep sees the change and closes it (comment `/rotated` to check now).';
  }
}

function renderWhat(view: KeyIssueView, now: Date): string {
  const where = secretLocation(view.key);
  const rotated = view.lastRotated ? `was last rotated on ${isoDay(view.lastRotated)} and ` : '';
  switch (view.state) {
    case 'due-soon': {
      const left = view.dueAt ? daysBetween(now, view.dueAt) : 0;
      return `In ${view.key.repository}, ${where} ${rotated}is due for rotation on ${view.dueAt ? isoDay(view.dueAt) : '?'} (in ${plural(Math.max(left, 0), 'day')}). The policy asks for a new key every ${view.rotateEvery}.`;
    }
    case 'overdue': {
      const late = view.dueAt ? daysBetween(view.dueAt, now) : 0;
      return `In ${view.key.repository}, ${where} ${rotated}has been overdue for rotation since ${view.dueAt ? isoDay(view.dueAt) : '?'} (${plural(Math.max(late, 0), 'day')}). The policy asks for a new key every ${view.rotateEvery}.`;
    }
    case 'shared': {
      const envs = view.environments.map(inlineCode).join(', ');
      return `In ${view.key.repository}, ${where} is one value that every job can read, whatever its environment — but the policy says ${envs || 'each environment'} must each hold their own ${inlineCode(view.key.secret)}.`;
    }
    case 'missing': {
      if (view.key.environment === undefined)
        return `In ${view.key.repository}, ${inlineCode(view.key.secret)} is defined neither as a repository secret nor as an organisation secret visible to the repository, but the policy lists it.`;
      const env = inlineCode(view.key.environment ?? '');
      if (view.noEnvironment)
        return `In ${view.key.repository}, the environment ${env} does not exist, so it cannot hold its own ${inlineCode(view.key.secret)} as the policy asks.`;
      const fallback = view.fallbackScope
        ? ` Its jobs get the ${view.fallbackScope === 'org' ? 'organisation' : 'repository'} value instead, shared with every other environment.`
        : '';
      return `In ${view.key.repository}, the environment ${env} has no ${inlineCode(view.key.secret)} of its own.${fallback}`;
    }
    case 'unprotected':
      return `In ${view.key.repository}, the environment ${inlineCode(view.key.environment ?? '')} looks like production (it matches the policy’s \`production-environments\`) but has no deployment branch policy and no required reviewers: any branch can deploy to it and read its secrets.`;
  }
}

function stepsFor(view: KeyIssueView): string[] {
  switch (view.state) {
    case 'due-soon':
    case 'overdue':
      return renderRotationSteps(view.key, view.provider);
    case 'shared':
      return renderSplitSteps(view.key, view.environments, view.provider);
    case 'missing':
      return renderMissingSteps(view.key, view.noEnvironment === true, view.provider);
    case 'unprotected':
      return renderProtectSteps(view.key);
  }
}
