import type { Decision } from '../inventory/decision.js';
import type { Config } from '../policy/config-schema.js';
import { resolveOwners, toMention, type OwnerSources } from './resolve-owners.js';
import { MAX_TEAMS_READ, teamKey } from './team-rosters.js';

/**
 * The teams (`org/team`, lower case) whose members a plan may assign: the owners of every key with
 * a problem and of every unprotected production-like environment (CODEOWNERS or admins), and `escalate-to` — at most {@link MAX_TEAMS_READ}, `escalate-to`'s first. The adapter
 * reads their members before planning.
 */
export function mentionedTeams(decisions: readonly Decision[], policy: Config, owners: OwnerSources = {}): string[] {
  const owning = decisions.flatMap((d) =>
    d.kind === 'environment' ? resolveOwners([], owners) : d.status !== 'ok' ? resolveOwners(d.owners, owners) : [],
  );
  if (owning.length === 0) return [];
  const escalating = policy['escalate-to'].map(toMention).filter((m): m is string => m !== undefined);
  return [...new Set([...escalating, ...owning].map(teamKey).filter((k): k is string => k !== undefined))].slice(
    0,
    MAX_TEAMS_READ,
  );
}
