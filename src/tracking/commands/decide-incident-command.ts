import {
  renderIncidentHelp,
  renderIncidentRefusal,
  renderIncidentResolved,
  renderIncidentRotated,
  renderIncidentStatus,
} from '../incidents/render-incident-close.js';
import { inlineCode } from '../../report/render-issue-text.js';
import { renderCommentMarker, type CommentKind } from '../comment-marker.js';
import { mayChangeState, type CommandActor } from './decide-command.js';
import type { IncidentSecrets } from '../incidents/incident-close-secrets.js';
import type { IncidentMarker } from '../incident-marker.js';
import { sameLogin } from '../key-issues/last-notice.js';
import type { Command } from './parse-command.js';
import { incidentKey } from '../incidents/plan-incident-close.js';

export interface IncidentCommandContext extends CommandActor {
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
  { type: 'ignore'; why: string } | { type: 'reply'; reply: string } | { type: 'close'; reply: string };

/** `/status` and `/rotated` answer from the secrets as they are now: the adapter reads them first. */
export function needsSecrets(command: Command): boolean {
  return command.name === 'status' || command.name === 'rotated';
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
  switch (command.name) {
    case 'resolved':
      if (!mayChangeState(context)) return { type: 'reply', reply: note(renderIncidentRefusal(context.actorLogin)) };
      if (context.closed) return { type: 'reply', reply: note('This incident is already closed.') };
      return { type: 'close', reply: note(renderIncidentResolved(context.actorLogin, command.note), 'resolved') };
    case 'rotated':
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
          secrets ? renderIncidentStatus(secrets) : 'I could not read the secrets just now: try again later.',
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
