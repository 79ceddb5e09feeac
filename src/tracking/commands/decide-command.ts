import type { KeyDecision } from '../../inventory/decision.js';
import { maskKeys } from '../../scan/mask-keys.js';
import type { Config } from '../../policy/config-schema.js';
import { parseDuration } from '../../policy/duration.js';
import { renderStatus } from '../key-issues/render-issue-comment.js';
import { renderIssueHelp } from '../key-issues/render-issue-help.js';
import { inlineCode, isoDay, quoteUserText } from '../../report/render-issue-text.js';
import { renderCommentMarker } from '../comment-marker.js';
import { trackedKeyFromId } from '../key-issues/key-id.js';
import type { KeyMarker } from '../key-marker.js';
import { sameLogin } from '../key-issues/last-notice.js';
import type { Command } from './parse-command.js';
import { parseProviderIssueId } from '../provider-issues/provider-issue-id.js';
import { answerProviderCommand } from './answer-provider-command.js';

/** A repository permission as `GET /repos/{o}/{r}/collaborators/{user}/permission` reports it (`role_name`). */
export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

/** Who wrote a command, and under which policy: the same for key issues and incidents. */
export interface CommandActor {
  actorPermission: Permission;
  actorLogin: string;
  /** The comment's author is a bot (`user.type === 'Bot'`, or `performed_via_github_app`). */
  isBot: boolean;
  /** The app's own login: its comments are never commands. */
  botLogin: string;
  /** The adapter checked the actor against `approvers` teams; logins in `approvers` are checked here. */
  isApprover?: boolean;
  policy: Config;
}

export interface CommandContext extends CommandActor {
  /** The issue's key marker; undefined on an issue that is not a key issue (nothing to do). */
  marker: KeyMarker | undefined;
  now: Date;
  /** The command comment's id: the reply's hidden marker records it, so a redelivery is answered once. */
  commentId?: number;
}

/** What to do about a command. The adapter posts `reply`, writes `marker` into the body, closes if asked. */
export type CommandDecision =
  | { type: 'ignore'; why: string }
  | { type: 'reply'; reply: string }
  | { type: 'update'; reply: string; marker: KeyMarker; close: boolean }
  /** `/rotated`: re-read the secret now, sweep this key, then answer with {@link answerRecheck}. */
  | { type: 'recheck' };

const WRITE_OR_BETTER: readonly Permission[] = ['admin', 'maintain', 'write'];

/** Write access or better on the repository. */
export function hasWriteAccess(permission: Permission): boolean {
  return WRITE_OR_BETTER.includes(permission);
}

/**
 * The bot's answer to a command in one of its key issues. State-changing commands (`/snooze`,
 * `/exempt`) are for users with write access or better, or listed approvers (docs/ARCHITECTURE.md,
 * "Security rules"); others get a polite refusal. Bots and the app itself are ignored.
 */
export function decideCommand(command: Command, context: CommandContext): CommandDecision {
  const { marker } = context;
  if (context.isBot || sameLogin(context.actorLogin, context.botLogin))
    return { type: 'ignore', why: 'comment by a bot' };
  if (!marker) return { type: 'ignore', why: 'not a key issue' };
  const reply = (text: string) =>
    `${text}\n\n${renderCommentMarker({ key: marker.key, kind: 'reply', ...(context.commentId !== undefined && { replyTo: context.commentId }) })}`;
  // A provider issue answers from its own record; `/snooze` and `/exempt` change its marker as a key issue's.
  const provider = parseProviderIssueId(marker.key);
  if (provider && command.name !== 'snooze' && command.name !== 'exempt')
    return { type: 'reply', reply: reply(answerProviderCommand(command, provider, marker, context)) };
  switch (command.name) {
    case 'help': {
      const lead =
        command.problem ??
        (command.unknown !== undefined ? `I don’t know ${inlineCode(`/${command.unknown}`)}.` : undefined);
      return {
        type: 'reply',
        reply: reply([lead, renderIssueHelp(context.policy['max-snooze'])].filter(Boolean).join('\n\n')),
      };
    }
    case 'status':
      return { type: 'reply', reply: reply(renderStatus(statusView(marker), context.now)) };
    case 'rotated':
      // An environment's protection is read with the repository's environments, by the next sweep.
      if (trackedKeyFromId(marker.key)?.problem === 'unprotected') {
        return {
          type: 'reply',
          reply: reply(
            'This issue tracks an environment’s protection, not a key’s rotation: once the environment has a deployment branch policy or required reviewers, the next sweep closes it.',
          ),
        };
      }
      return { type: 'recheck' };
    case 'resolved':
      return {
        type: 'reply',
        reply: reply(
          `\`/resolved\` closes leak incidents; this issue tracks a key’s rotation. Rotate the key and comment \`/rotated\`, or use \`/exempt <reason>\` to stop tracking it.\n\n${renderIssueHelp(context.policy['max-snooze'])}`,
        ),
      };
    case 'revoke':
      return {
        type: 'reply',
        reply: reply(
          `\`/revoke\` revokes a leaked key at its provider, on leak incidents; this issue tracks a key’s rotation.\n\n${renderIssueHelp(context.policy['max-snooze'])}`,
        ),
      };
    case 'snooze':
    case 'exempt':
      if (!mayChangeState(context)) return { type: 'reply', reply: reply(refusal(command.name, context.actorLogin)) };
      return command.name === 'snooze'
        ? snooze(command, context, marker, reply)
        : exempt(command.reason, context, marker, reply);
  }
}

/** Write access or better, or an approver (by login here, by team through the adapter). */
export function mayChangeState(
  context: Pick<CommandContext, 'actorPermission' | 'actorLogin' | 'isApprover' | 'policy'>,
): boolean {
  return (
    hasWriteAccess(context.actorPermission) ||
    context.isApprover === true ||
    context.policy.approvers.some((a) => !a.includes('/') && sameLogin(a, context.actorLogin))
  );
}

/**
 * The answer to `/rotated` once the adapter has re-read the secret: undefined when it was rotated
 * (the plan closes the issue with "rotated on …"), else what the bot sees.
 */
export function answerRecheck(
  marker: KeyMarker,
  decision: KeyDecision | undefined,
  replyTo?: number,
): string | undefined {
  const updatedAt = decision?.item?.updatedAt;
  if (updatedAt && marker.updatedAt && updatedAt.getTime() > Date.parse(marker.updatedAt)) return undefined;
  const name = inlineCode(marker.secret ?? trackedKeyFromId(marker.key)?.secret ?? 'this key');
  const text = updatedAt
    ? `I re-checked: ${name} still has \`updated_at\` ${isoDay(updatedAt)}, the same as before${decision?.dueAt ? ` (due ${isoDay(decision.dueAt)})` : ''}. If you rotated the key with the provider, also update the GitHub secret — that is what I can see.`
    : `I re-checked: I cannot find ${name} where the policy expects it.`;
  return `${text}\n\n${renderCommentMarker({ key: marker.key, kind: 'reply', ...(replyTo !== undefined && { replyTo }) })}`;
}

function snooze(
  command: Extract<Command, { name: 'snooze' }>,
  context: CommandContext,
  marker: KeyMarker,
  reply: (t: string) => string,
): CommandDecision {
  const max = context.policy['max-snooze'];
  const maxMs = parseDuration(max) ?? 30 * 86_400_000;
  if (command.ms > maxMs) {
    return {
      type: 'reply',
      reply: reply(
        `I can’t snooze for ${command.duration}: the policy’s \`max-snooze\` is ${max}. Snooze for ${max} or less (and again later if you still need to), or use \`/exempt <reason>\` to stop tracking this key.`,
      ),
    };
  }
  const until = new Date(context.now.getTime() + command.ms).toISOString();
  const next: KeyMarker = {
    ...marker,
    snooze: { until, by: context.actorLogin, reason: maskKeys(command.reason).slice(0, 500) },
  };
  const why = command.reason ? ` Reason: ${quoteUserText(command.reason)}` : '';
  return {
    type: 'update',
    reply: reply(`Snoozed: no reminders until ${isoDay(until)} (by ${quoteUserText(context.actorLogin)}).${why}`),
    marker: next,
    close: false,
  };
}

function exempt(
  reason: string,
  context: CommandContext,
  marker: KeyMarker,
  reply: (t: string) => string,
): CommandDecision {
  const next: KeyMarker = {
    ...marker,
    exemption: { by: context.actorLogin, reason: maskKeys(reason).slice(0, 500), at: context.now.toISOString() },
  };
  delete next.snooze;
  const what = trackedKeyFromId(marker.key)?.problem === 'unprotected' ? 'this environment’s protection' : 'this key';
  const text = `Exempt: I will stop tracking ${what} and not open issues for it again (by ${quoteUserText(context.actorLogin)}). Reason: ${quoteUserText(reason)}\n\nTo track it again, delete the hidden \`key-hygiene:key\` marker from this issue’s description.`;
  return { type: 'update', reply: reply(text), marker: next, close: true };
}

function refusal(command: 'snooze' | 'exempt', login: string): string {
  return `Sorry ${quoteUserText(login)}, \`/${command}\` changes how this key is tracked, so it needs write access to the repository or a place in the policy’s \`approvers\`. Anyone can use \`/status\`, \`/rotated\` and \`/help\`.`;
}

function statusView(marker: KeyMarker): Parameters<typeof renderStatus>[0] {
  const key = trackedKeyFromId(marker.key, {
    ...(marker.secret && { secret: marker.secret }),
    ...(marker.environment && { environment: marker.environment }),
  });
  return {
    secret: key?.secret ?? 'this key',
    ...(key?.problem === 'unprotected' && { wholeEnvironment: true }),
    ...(key?.environment !== undefined && { environment: key.environment }),
    ...(marker.state && { state: marker.state }),
    ...(marker.updatedAt && { lastRotated: marker.updatedAt }),
    ...(marker.dueAt && { dueAt: marker.dueAt }),
    ...(marker.lastReminderAt && { lastReminderAt: marker.lastReminderAt }),
    ...(marker.escalated && { escalated: true }),
    ...(marker.snooze && { snooze: marker.snooze }),
    ...(marker.exemption && { exemption: marker.exemption }),
  };
}
