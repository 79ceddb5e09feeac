import {
  renderIncidentHelp,
  renderIncidentRefusal,
  renderIncidentResolved,
  renderIncidentRotated,
  renderIncidentStatus,
} from '../incidents/render-incident-close.js';
import { inlineCode } from '../../report/render-issue-text.js';
import { escapeMarkdown } from '../../report/escape-markdown.js';
import { renderCommentMarker, type CommentKind } from '../comment-marker.js';
import { mayChangeState, type CommandActor } from './decide-command.js';
import type { IncidentSecrets } from '../incidents/incident-close-secrets.js';
import type { IncidentMarker } from '../incident-marker.js';
import { sameLogin } from '../key-issues/last-notice.js';
import type { Command } from './parse-command.js';
import { incidentKey } from '../incidents/plan-incident-close.js';
import { ADMIN_APIS } from '../../audit/admin-clients.js';
import { stillActive } from '../incidents/plan-provider-close.js';
import { renderProviderClosed, renderProviderState } from '../incidents/render-provider-key.js';
import { decideRevoke, type RevokeContext, type RevokeDecision } from './decide-revoke.js';

export interface IncidentCommandContext
  extends CommandActor, Partial<Omit<RevokeContext, keyof CommandActor | 'marker'>> {
  marker: IncidentMarker;
  /** The incident is closed already. */
  closed: boolean;
  /** The incident's secrets as read just now; the adapter reads them when {@link needsSecrets} says so. */
  secrets?: IncidentSecrets;
  /** The command comment's id: the reply's hidden marker records it, so a redelivery is answered once. */
  commentId?: number;
}

/** What to do about a command on an incident. `close`: state closed (completed), then post `reply`. */
export type IncidentCommandDecision =
  | { type: 'ignore'; why: string }
  | { type: 'reply'; reply: string }
  | { type: 'close'; reply: string }
  /** `/revoke`: write `marker` into the body, then post `reply`. */
  | { type: 'ask'; reply: string; marker: IncidentMarker }
  /** `/revoke confirm`: revoke `key`, write `marker`, then answer with {@link renderRevoked} or {@link renderRevokeFailed}. */
  | (Extract<RevokeDecision, { type: 'revoke' }> & { replyMarker: string });

/** `/status` and `/rotated` answer from the secrets as they are now: the adapter reads them first. */
export function needsSecrets(command: Command): boolean {
  return command.name === 'status' || command.name === 'rotated';
}

/**
 * `/status`, `/rotated` and `/revoke` on an incident whose marker names a provider key also answer
 * from the provider's keys as listed now, when the App has an admin key for it: the adapter reads them first.
 */
export function needsProviderKeys(
  command: Command,
  marker: IncidentMarker,
  adminProviders: ReadonlySet<string>,
): boolean {
  const provider = marker.providerKey?.provider;
  return provider !== undefined && adminProviders.has(provider) && (needsSecrets(command) || command.name === 'revoke');
}

/**
 * The bot's answer to a command on one of its leak incidents. `/resolved` closes it, for
 * users with write access or better or listed approvers (the same rule as `/snooze` on key issues);
 * `/rotated` closes it when every secret for the provider was rotated after the leak; `/status`
 * says which were. Bots and the app itself are ignored.
 */
export function decideIncidentCommand(command: Command, context: IncidentCommandContext): IncidentCommandDecision {
  if (context.isBot || sameLogin(context.actorLogin, context.botLogin))
    return { type: 'ignore', why: 'comment by a bot' };
  const key = incidentKey(context.marker.fingerprint);
  const note = (text: string, kind: CommentKind = 'reply') =>
    `${text}\n\n${renderCommentMarker({ key, kind, ...(context.commentId !== undefined && { replyTo: context.commentId }) })}`;
  const secrets = context.secrets;
  const ref = context.marker.providerKey;
  const listed = context.provider && 'keys' in context.provider ? context.provider.keys : undefined;
  const unread = ref && context.provider && 'failed' in context.provider ? context.provider.failed : undefined;
  const atProvider =
    ref && listed
      ? `${renderProviderState(
          ref,
          listed.find((k) => k.id === ref.id),
        )}\n\n`
      : ref && unread !== undefined
        ? `I could not ask ${ADMIN_APIS[ref.provider].name} about this key just now: ${escapeMarkdown(unread)}.\n\n`
        : '';
  switch (command.name) {
    case 'revoke': {
      const decided = decideRevoke(command.confirm, {
        ...context,
        now: context.now ?? new Date(0),
        dryRun: context.dryRun ?? false,
        adminProviders: context.adminProviders ?? new Set(),
      });
      if (decided.type === 'refuse') return { type: 'reply', reply: note(decided.reply) };
      if (decided.type === 'close')
        return context.closed
          ? { type: 'reply', reply: note(`${atProvider}Nothing to revoke.`) }
          : { type: 'close', reply: note(decided.reply, 'rotated') };
      if (decided.type === 'ask') return { ...decided, reply: note(decided.reply) };
      return {
        ...decided,
        replyMarker: renderCommentMarker({
          key,
          kind: 'resolved',
          ...(context.commentId !== undefined && { replyTo: context.commentId }),
        }),
      };
    }
    case 'resolved':
      if (!mayChangeState(context)) return { type: 'reply', reply: note(renderIncidentRefusal(context.actorLogin)) };
      if (context.closed) return { type: 'reply', reply: note('This incident is already closed.') };
      return { type: 'close', reply: note(renderIncidentResolved(context.actorLogin, command.note), 'resolved') };
    case 'rotated':
      if (ref && listed && !context.closed && !stillActive(listed, ref.id))
        return {
          type: 'close',
          reply: note(
            renderProviderClosed(
              ref,
              listed.find((k) => k.id === ref.id),
            ),
            'rotated',
          ),
        };
      if (ref && listed)
        return {
          type: 'reply',
          reply: note(
            `I re-checked. ${atProvider}I close this incident once ${ADMIN_APIS[ref.provider].name} no longer lists this key as active: comment \`/revoke\` to revoke it there.`,
          ),
        };
      if (secrets?.allRotated && !context.closed)
        return { type: 'close', reply: note(renderIncidentRotated(secrets), 'rotated') };
      return {
        type: 'reply',
        reply: note(
          secrets
            ? `I re-checked. ${renderIncidentStatus(secrets)}`
            : 'I could not read the secrets just now: try again later.',
        ),
      };
    case 'status':
      return {
        type: 'reply',
        reply: note(
          atProvider +
            (secrets ? renderIncidentStatus(secrets) : 'I could not read the secrets just now: try again later.'),
        ),
      };
    case 'snooze':
    case 'exempt':
      return {
        type: 'reply',
        reply: note(
          `\`/${command.name}\` is for rotation reminders; this is a leak incident.\n\n${renderIncidentHelp()}`,
        ),
      };
    case 'help': {
      const lead =
        command.problem ??
        (command.unknown !== undefined ? `I don’t know ${inlineCode(`/${command.unknown}`)}.` : undefined);
      return { type: 'reply', reply: note([lead, renderIncidentHelp()].filter(Boolean).join('\n\n')) };
    }
  }
}
