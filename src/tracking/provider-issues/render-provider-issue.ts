import type { AdminProviderId, AuditFinding, AuditProblem } from '../../audit/provider-admin.js';
import { ADMIN_APIS } from '../../audit/admin-clients.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { inlineCode, isoDay } from '../../report/render-issue-text.js';
import { maskKeys } from '../../scan/mask-keys.js';

// The text of a provider issue. Key names, project names, owners and the audit's sentence come
// from the provider's API — text anyone in the provider organisation can set — so each goes through
// `inlineCode` or `escapeMarkdown`, and the sentence through `maskKeys` too.

/** Where a person fixes each provider's keys. */
const KEYS_PAGE: Record<AdminProviderId, string> = {
  openai: 'https://platform.openai.com/api-keys',
  anthropic: 'https://console.anthropic.com/settings/keys',
};

/** Each problem's label (besides `key-hygiene` and `provider-key`). */
export const PROBLEM_LABELS: Record<AuditProblem, string> = {
  overdue: 'overdue',
  unused: 'unused-key',
  orphaned: 'orphaned-key',
  'usage-spike': 'usage-spike',
  'no-expiry': 'no-expiry',
};

const WHAT: Record<AuditProblem, string> = {
  overdue: 'is older than the policy’s `rotate-every` at the provider itself',
  unused: 'has not been used for longer than the policy’s `unused-after`',
  orphaned: 'belongs to someone who no longer has access to its project, and still works',
  'usage-spike': 'made far more calls than its own usual',
  'no-expiry': 'is an admin key with no expiry, or older than the policy allows',
};

const HOW: Record<AuditProblem, (page: string) => string[]> = {
  overdue: (page) => [
    `Create a new key in the same project at ${page}.`,
    'Put the new key in every GitHub secret (and any other place) that holds the old one.',
    `Delete the old key at ${page}: until it is deleted, every copy of it keeps working.`,
  ],
  unused: (page) => [
    'Check that nothing still needs it (a quarterly job, a disaster-recovery script).',
    `Delete it at ${page}: an unused key is only a way in.`,
  ],
  orphaned: (page) => [
    'Find out who uses the key now, and give them a key of their own (or a service account’s).',
    `Delete the orphaned key at ${page}.`,
  ],
  'usage-spike': (page) => [
    'Check the usage page for calls you did not make; a leaked key shows as a sudden spike.',
    `If the calls are not yours, revoke the key at ${page} at once and rotate every secret that held it.`,
    'If they are yours (a launch, a batch job), `/snooze` this issue with the reason.',
  ],
  'no-expiry': (page) => [
    `Create an admin key with an expiry at ${page}, move the automation that uses it there, and delete the old one.`,
  ],
};

/** The provider's name, for text. */
export function providerName(provider: AdminProviderId): string {
  return ADMIN_APIS[provider].name;
}

/** A name from the provider as one line of inline code, at most 100 characters. */
export function named(text: string): string {
  return inlineCode(text.slice(0, 100));
}

/** e.g. "Delete the unused OpenAI key ci-bot (project Payments)". Titles are for people: issues are matched by their marker. */
export function renderProviderTitle(finding: AuditFinding): string {
  const name = oneLine(finding.keyName || finding.keyId).slice(0, 80);
  const project = finding.projectName ?? finding.project;
  const where = project ? ` (project ${oneLine(project).slice(0, 60)})` : '';
  const provider = providerName(finding.provider);
  switch (finding.problem) {
    case 'overdue':
      return `Rotate the ${provider} key ${name}${where}: created ${isoDay(finding.createdAt)}`;
    case 'unused':
      return `Delete the unused ${provider} key ${name}${where}`;
    case 'orphaned':
      return `Replace the orphaned ${provider} key ${name}${where}: its owner lost access`;
    case 'usage-spike':
      return `Check the ${provider} key ${name}${where}: sudden spike in use`;
    case 'no-expiry':
      return `Give the ${provider} admin key ${name} an expiry`;
  }
}

export interface ProviderBodyOptions {
  /** The hidden marker, appended last. */
  marker: string;
  /** `@login` / `@org/team` to mention (the org-secrets repository's CODEOWNERS, else its admins). */
  owners: readonly string[];
  /** Said under the owners, e.g. that GitHub's 10 assignees could not hold them all. */
  ownersNote?: string;
  maxSnooze: string;
}

/** The issue's description: what the provider says, what to do, who owns it, the commands, the marker. */
export function renderProviderBody(finding: AuditFinding, options: ProviderBodyOptions): string {
  const provider = providerName(finding.provider);
  const page = KEYS_PAGE[finding.provider];
  const project = finding.project
    ? `${finding.projectName ? `${named(finding.projectName)} ` : ''}(${named(finding.project)})`
    : '—';
  return [
    '### What',
    `The ${provider} key ${named(finding.keyName || finding.keyId)} ${WHAT[finding.problem]}. ${provider} says: ${renderDetail(finding.detail)}`,
    '',
    '| | |',
    '|---|---|',
    `| key | ${named(finding.keyName || '—')} (${named(finding.keyId)}) |`,
    `| shown as | ${finding.redacted ? named(maskKeys(finding.redacted)) : '—'} |`,
    `| project | ${project} |`,
    `| owner | ${finding.owner ? named(finding.owner) : '—'} |`,
    `| created | ${isoDay(finding.createdAt)} |`,
    `| last used | ${finding.lastUsedAt ? isoDay(finding.lastUsedAt) : 'never'} |`,
    '',
    'This is the provider’s own record of the key, read through its admin API at the sweep: its real age and use, which a GitHub secret’s `updated_at` cannot tell.',
    '',
    '### How',
    ...HOW[finding.problem](page).map((step, i) => `${i + 1}. ${step}`),
    '',
    'No need to close this issue: the next sweep reads the provider’s keys again and closes it once the problem is gone (the key deleted, rotated, used, or its owner back).',
    '',
    '### Owners',
    options.owners.length
      ? options.owners.join(' ')
      : 'No owners found: add a CODEOWNERS file to this repository (its `*` line owns the provider keys).',
    ...(options.ownersNote ? ['', options.ownersNote] : []),
    '',
    '<details><summary>Commands</summary>',
    '',
    renderProviderHelp(options.maxSnooze),
    '',
    '</details>',
    '',
    options.marker,
    '',
  ].join('\n');
}

/** The audit's sentence as the bot repeats it: one line, any key masked, at most 500 characters. */
function renderDetail(detail: string): string {
  return escapeMarkdown(maskKeys(detail).replace(/\s+/g, ' ').trim().slice(0, 500));
}

/** Plain text for a title: one line, and no `@` or `#1` that could read as a mention or a reference. */
function oneLine(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ')
      .replace(/@/g, '@\u200b')
      .replace(/#(?=\d)/g, '#\u200b')
      .trim()
  );
}

/** The commands of a provider issue; the reply to `/help`. */
export function renderProviderHelp(maxSnooze: string): string {
  return [
    'Commands I answer in this issue (one per comment, at the start of a line):',
    '',
    '| command | what it does | who |',
    '|---|---|---|',
    `| \`/snooze 14d <reason>\` | no reminders until then (at most ${maxSnooze}, the policy’s \`max-snooze\`); the reason is recorded here | write access or an approver |`,
    '| `/exempt <reason>` | stops tracking this problem of this key and closes the issue for good; the reason is recorded here | write access or an approver |',
    '| `/status` | what I know: the problem, reminders, escalation, snooze | anyone |',
    '| `/help` | this list | anyone |',
    '',
    'Fixing the key at the provider is enough: each sweep reads the provider’s keys again and closes this issue once the problem is gone. Closing it by hand does not stop tracking — use `/snooze` or `/exempt`.',
  ].join('\n');
}
