import { parseDuration } from '../../policy/duration.js';
import { inlineCode } from '../../report/render-issue-text.js';

/** A command from a comment on a key issue or a leak incident. */
export type Command =
  | { name: 'rotated' }
  /** `/resolved <note>`: closes a leak incident (the note is optional). */
  | { name: 'resolved'; note: string }
  | { name: 'snooze'; duration: string; ms: number; reason: string }
  | { name: 'exempt'; reason: string }
  | { name: 'status' }
  /** `/revoke` asks what to revoke at the provider; `/revoke confirm` does it (leak incidents). */
  | { name: 'revoke'; confirm: boolean }
  /** `/help`, an unknown command, or a known one used wrongly (`problem` says how). */
  | { name: 'help'; unknown?: string; problem?: string };

/**
 * The first command in a comment: a line that starts with `/word`, outside quotes (`> /snooze …`
 * is someone quoting) and code fences. Undefined when the comment holds no command — most don't.
 */
export function parseCommand(body: string): Command | undefined {
  let fenced = false;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || !/^\/[A-Za-z]/.test(line)) continue;
    const [word = '', ...rest] = line.slice(1).split(/\s+/);
    return commandFor(word.toLowerCase(), rest);
  }
  return undefined;
}

function commandFor(word: string, args: string[]): Command {
  switch (word) {
    case 'rotated':
      return { name: 'rotated' };
    case 'status':
      return { name: 'status' };
    case 'resolved':
      return { name: 'resolved', note: args.join(' ') };
    case 'help':
      return { name: 'help' };
    case 'revoke': {
      const [word = ''] = args;
      if (word === '' || word.toLowerCase() === 'confirm') return { name: 'revoke', confirm: word !== '' };
      return {
        name: 'help',
        problem: `\`/revoke\` takes nothing or \`confirm\` — ${inlineCode(word.slice(0, 20))} is neither.`,
      };
    }
    case 'snooze': {
      const [duration = '', ...reason] = args;
      const ms = parseDuration(duration);
      if (ms === undefined || ms <= 0) {
        return {
          name: 'help',
          problem: `\`/snooze\` needs a duration first, such as \`/snooze 14d waiting for the vendor\` — ${duration ? inlineCode(duration.slice(0, 20)) : '`(nothing)`'} is not one.`,
        };
      }
      return { name: 'snooze', duration, ms, reason: reason.join(' ') };
    }
    case 'exempt': {
      const reason = args.join(' ');
      if (!reason)
        return {
          name: 'help',
          problem:
            '`/exempt` needs a reason, such as `/exempt test key with no access to real data` — it is recorded in the issue.',
        };
      return { name: 'exempt', reason };
    }
    default:
      return { name: 'help', unknown: word.slice(0, 40) };
  }
}
