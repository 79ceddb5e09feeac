import type { AdminProviderId, AuditFinding, ProviderKey } from '../../audit/provider-admin.js';
import type { Config } from '../../policy/config-schema.js';
import type { TeamRosters } from '../team-rosters.js';
import type { TrackedIssue } from '../tracked-issue.js';

/** What one provider's audit read this sweep. A provider whose admin API failed has none. */
export interface ProviderAuditRead {
  provider: AdminProviderId;
  /** Every key the provider listed, any status. */
  keys: readonly ProviderKey[];
  findings: readonly AuditFinding[];
  /**
   * The usage could not be read: a spike (and a key's last use, where the provider gives it only
   * through usage) is unknown, so issues about them are left as they are.
   */
  usageUnread?: boolean;
}

export interface ProviderPlanInput {
  /** The providers read this sweep; the issues of any other provider are left as they are (fail closed). */
  audits: readonly ProviderAuditRead[];
  /** The organisation's policy (its `.github` repository): reminders, escalation, `max-snooze`. */
  policy: Config;
  /** The bot's issues in the organisation's `org-secrets-repo`, open and closed, with their comments. */
  issues: readonly TrackedIssue[];
  botLogin: string;
  now: Date;
  /** Whom a provider issue mentions and assigns (`@login`, `@org/team`): the repository's CODEOWNERS, else its admins. */
  owners: readonly string[];
  /** Members of the teams among `owners` and `escalate-to`, to assign them. */
  teams?: TeamRosters;
  /** Most issues and comments this plan may create; the rest is deferred to the next sweep. */
  maxContent?: number;
}
