/** The commands the bot answers in its issues; the reply to `/help` and to an unknown command. */
export function renderIssueHelp(maxSnooze: string): string {
  return [
    'Commands I answer in this issue (one per comment, at the start of a line):',
    '',
    '| command | what it does | who |',
    '|---|---|---|',
    '| `/rotated` | re-reads the secret’s `updated_at` now; closes this issue if the key was rotated, else says what it sees | anyone |',
    `| \`/snooze 14d <reason>\` | no reminders until then (at most ${maxSnooze}, the policy’s \`max-snooze\`); the reason is recorded here | write access or an approver |`,
    '| `/exempt <reason>` | stops tracking this key and closes the issue for good; the reason is recorded here | write access or an approver |',
    '| `/status` | what I know about the key: last rotated, due date, reminders, snooze | anyone |',
    '| `/help` | this list | anyone |',
    '',
    'Rotating the key is enough: the next sweep sees the new `updated_at` and closes this issue. Closing it by hand does not stop tracking — use `/snooze` or `/exempt`.',
  ].join('\n');
}
