import type { Decision, EnvironmentDecision, KeyDecision } from '../../inventory/decision.js';
import type { SecretScope } from '../../inventory/inventory.js';
import type { Config } from '../../policy/config-schema.js';
import { parseDuration } from '../../policy/duration.js';
import type { KeyIssueView } from './key-issue-view.js';
import type { KeyMarker } from '../key-marker.js';
import type { OwnerSources } from '../resolve-owners.js';
import type { TeamRosters } from '../team-rosters.js';
import type { TrackedIssue } from '../tracked-issue.js';

/** Everything the issue planner needs; the adapter fetches it, the planner only reads it. */
export interface PlanInput {
  /**
   * `owner/name`; for an organisation's own secrets, the organisation's login (its issues live in
   * its `org-secrets-repo`). Only issues whose key id names it are planned.
   */
  repository: string;
  /** `evaluateInventory(…)` for the repository at `now` (non-key decisions are ignored). */
  decisions: readonly Decision[];
  policy: Config;
  /** The bot's key issues in this repository, open and closed, with their comments. */
  issues: readonly TrackedIssue[];
  /** The app's login (`key-hygiene[bot]`): only its own issues and comments count. */
  botLogin: string;
  now: Date;
  /** CODEOWNERS owners and admins, for keys whose policy names no owners. */
  owners?: OwnerSources;
  /** Members of the teams that owners and `escalate-to` name ({@link mentionedTeams}), to assign them. */
  teams?: TeamRosters;
  /**
   * The names of the repository's environments, when the sweep read them: the closing comment of an
   * unprotected environment's issue says whether it was protected, renamed or deleted.
   */
  environments?: readonly string[];
  /** Scopes this sweep could not read (403/404): issues about them are left as they are. */
  skippedScopes?: readonly SecretScope[];
  /** Most issues and comments this plan may create; the rest is deferred to the next sweep. */
  maxContent?: number;
}

/** One key problem (or unprotected production-like environment) the latest decisions report. */
export interface CurrentProblem {
  id: string;
  decision: KeyDecision | EnvironmentDecision;
  view: KeyIssueView;
}

/** One of the bot's issues with its parsed marker. */
export interface MarkedIssue {
  issue: TrackedIssue;
  marker: KeyMarker;
}

/** The key decision's secret item and due date; none for an environment's problem. */
export function keyDates(decision: KeyDecision | EnvironmentDecision): Pick<KeyDecision, 'item' | 'dueAt'> {
  return decision.kind === 'key'
    ? { ...(decision.item && { item: decision.item }), ...(decision.dueAt && { dueAt: decision.dueAt }) }
    : {};
}

/** A policy duration in milliseconds (the schema has validated it; the fallback guards hand-built configs). */
export function policyMs(text: string, fallback: number): number {
  return parseDuration(text) ?? fallback;
}
