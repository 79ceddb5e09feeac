import type { IncidentSecret, IncidentSecrets } from './incident-close-secrets.js';
import { inlineCode, quoteUserText } from '../../report/render-issue-text.js';

// What the bot says on a leak incident once it is open (README, "What it does"): the comment that closes it when the
// secrets were rotated, `/status`, `/resolved` and `/help`. Names and environment names only.

/** How an incident ends, said in its description. */
export const INCIDENT_CLOSES =
  'I close this issue myself once every secret for this key’s provider in this repository, its environments and Dependabot is updated after the leak. Comment `/status` to see which are, or `/resolved` to close it yourself (write access or an approver).';

/** `2026-07-01 14:05 UTC`: a rotation on the day of the leak must still read as after it. */
function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `` `OPENAI_API_KEY` (environment `production`) ``. */
function place(secret: IncidentSecret): string {
  const where =
    secret.scope === 'environment'
      ? `environment ${inlineCode(secret.environment ?? '')}`
      : secret.scope === 'repo'
        ? 'repository'
        : 'Dependabot';
  return `${inlineCode(secret.name)} (${where})`;
}

function providerName(view: IncidentSecrets): string {
  return view.provider ? inlineCode(view.provider) : 'this provider';
}

/** The comment that closes an incident: every secret, and when it was rotated. */
export function renderIncidentRotated(view: IncidentSecrets): string {
  return [
    `Every secret for ${providerName(view)} in this repository was updated after the leak${view.since ? ` (seen ${stamp(view.since)})` : ''}, so I am closing this incident:`,
    view.secrets.map((s) => `- ${place(s)}: rotated ${stamp(s.updatedAt)}`).join('\n'),
    'A new secret does not disable the old key: if it is not revoked at the provider yet, do that now.',
  ].join('\n\n');
}

/** `/status`: which secrets were updated after the leak and which not, or why nothing can close this incident by itself. */
export function renderIncidentStatus(view: IncidentSecrets): string {
  const since = view.since ? `Leak seen ${stamp(view.since)}.` : 'I do not know when the leak was seen.';
  if (!view.provider)
    return `${since} I do not know which provider this key belongs to, so this incident does not close by itself: comment \`/resolved\` once the key is revoked and replaced.`;
  if (view.secrets.length === 0) {
    const example = inlineCode(`${view.provider.toUpperCase().replace(/-/g, '_')}_API_KEY`);
    return `${since} I see no secret for ${providerName(view)} in this repository, its environments or Dependabot — none the policy’s \`keys\` map to it, none named for it (such as ${example}). So this incident does not close by itself: comment \`/resolved\` once the key is revoked and replaced.${unreadNote(view)}`;
  }
  const lines = view.secrets.map(
    (s) =>
      `- ${s.rotated ? '✅' : '⏳'} ${place(s)}: updated ${stamp(s.updatedAt)} — ${s.rotated ? 'rotated after the leak' : 'not since the leak'}`,
  );
  const waiting = view.secrets.filter((s) => !s.rotated).length;
  const verdict = view.allRotated
    ? 'All of them were rotated: the next sweep closes this incident (or comment `/rotated` to close it now).'
    : waiting > 0
      ? `I close this incident once ${waiting === 1 ? 'that one is' : `those ${waiting} are`} updated too, or when someone with write access comments \`/resolved\`.`
      : '';
  return [
    `${since} Secrets for ${providerName(view)} in this repository, its environments and Dependabot:`,
    lines.join('\n'),
    `${verdict}${unreadNote(view)}`.trim(),
  ].join('\n\n');
}

function unreadNote(view: IncidentSecrets): string {
  if (view.unread.length === 0) return '';
  const what = view.unread.map((s) => (s === 'repo' ? 'repository secrets' : 'environment secrets')).join(' and ');
  return ` I could not read the ${what} (the app needs the “Secrets” and “Environments” read permissions), so I close nothing by myself until I can.`;
}

/** The comment `/resolved` closes an incident with. */
export function renderIncidentResolved(login: string, note: string): string {
  const why = note ? ` Note: ${quoteUserText(note)}` : '';
  return `Resolved by ${quoteUserText(login)}: closing this incident.${why}`;
}

/** One line for someone who may not close an incident. */
export function renderIncidentRefusal(login: string): string {
  return `Sorry ${quoteUserText(login)}, \`/resolved\` closes this incident, so it needs write access to the repository or a place in the policy’s \`approvers\`. Anyone can use \`/status\`, \`/rotated\` and \`/help\`.`;
}

/** The commands the bot answers on an incident. */
export function renderIncidentHelp(): string {
  return [
    'Commands I answer on a leak incident (one per comment, at the start of a line):',
    '',
    '| command | what it does | who |',
    '|---|---|---|',
    '| `/status` | which secrets for this key’s provider were updated after the leak, and which not | anyone |',
    '| `/rotated` | re-reads those secrets now; closes this incident if every one was rotated | anyone |',
    '| `/resolved <note>` | closes this incident: the key is revoked and replaced; the note is recorded here | write access or an approver |',
    '| `/revoke` | says which OpenAI or Anthropic key it would revoke (the App’s server needs the provider’s admin key) | write access or an approver |',
    '| `/revoke confirm` | revokes that key at the provider, within an hour of `/revoke`, and records who did it | write access or an approver |',
    '| `/help` | this list | anyone |',
    '',
    'Rotating the secrets is enough: the next sweep sees their new `updated_at` and closes this incident.',
  ].join('\n');
}
