import { inlineCode } from '../../report/render-issue-text.js';
import type { KeyMarker } from '../key-marker.js';
import type { ProviderIssueKey } from '../provider-issues/provider-issue-id.js';
import { renderProviderNoRecheck, renderProviderStatus } from '../provider-issues/render-provider-comment.js';
import { renderProviderHelp } from '../provider-issues/render-provider-issue.js';
import type { Config } from '../../policy/config-schema.js';
import type { Command } from './parse-command.js';

/**
 * The answer to a command that only reads, in a provider issue: `/status` from the marker, `/help`,
 * and why `/rotated` and `/resolved` do not apply (each sweep reads the provider's keys again; a
 * webhook has no admin key to spend). `/snooze` and `/exempt` go the way of a key issue's.
 */
export function answerProviderCommand(
  command: Exclude<Command, { name: 'snooze' | 'exempt' }>,
  key: ProviderIssueKey,
  marker: KeyMarker,
  context: { policy: Config; now: Date },
): string {
  switch (command.name) {
    case 'status':
      return renderProviderStatus(key, marker, context.now);
    case 'rotated':
    case 'resolved':
      return renderProviderNoRecheck(key, command.name);
    case 'help': {
      const lead =
        command.problem ??
        (command.unknown !== undefined ? `I don’t know ${inlineCode(`/${command.unknown}`)}.` : undefined);
      return [lead, renderProviderHelp(context.policy['max-snooze'])].filter(Boolean).join('\n\n');
    }
    case 'revoke':
      // Revoking from a provider issue would need the same confirmation and sealed key as an incident's;
      // here the issue says what to do at the provider, and the next sweep sees it done.
      return `\`/revoke\` revokes a leaked key at its provider, on leak incidents. For this issue, delete or rotate the key at the provider as it says; the next sweep closes it.\n\n${renderProviderHelp(context.policy['max-snooze'])}`;
  }
}
