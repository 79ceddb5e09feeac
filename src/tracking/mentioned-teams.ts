import type { Decision } from '../inventory/decision.js';
import type { Config } from '../policy/config-schema.js';
import { resolveOwners, toMention, type OwnerSources } from './resolve-owners.js';
import { teamKey } from './team-rosters.js';

/**
 * The teams (`org/team`, lower case) whose members a plan may assign: the owners of every key with
 * a problem, and `escalate-to`. The adapter reads their members before planning.
 */
export function mentionedTeams(decisions: readonly Decision[], policy: Config, owners: OwnerSources = {}): string[] {
  const mentions = decisions.flatMap((d) => (d.kind === 'key' && d.status !== 'ok' ? resolveOwners(d.owners, owners) : []));
  if (mentions.length === 0) return [];
  mentions.push(...policy['escalate-to'].map(toMention).filter((m): m is string => m !== undefined));
  return [...new Set(mentions.map(teamKey).filter((k): k is string => k !== undefined))];
}
