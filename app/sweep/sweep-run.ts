import type { ActionLocation } from '../../src/onboarding/parse-action-location.js';
import type { TeamRosterCache } from '../github/team-roster-cache.js';
import type { RepoLock } from '../repo/with-repo-lock.js';
import type { OrgSecretsPasses } from './org-secrets-passes.js';
import type { ProviderAdminSource } from '../provider-audit-settings.js';

/** What every sweep of one tracking repository shares with the run it is part of. */
export interface SweepRun {
  /** `slug[bot]`: only its own issues and comments count. */
  botLogin: string;
  now: Date;
  dryRun: boolean;
  /** Issues and comments this sweep may still create; shared by the installation's repositories. */
  budget: { remaining: number };
  log: (message: string) => void;
  /** Serialises sweeps of one repository; the process's lock by default. */
  lock?: RepoLock;
  /** Team members read in this sweep (one list per team, not per repository); a fresh cache when absent. */
  teams?: TeamRosterCache;
  /** Where the Action the onboarding workflow runs lives (`KEY_HYGIENE_ACTION`); unset, onboarding adds no workflow. */
  onboardingAction?: ActionLocation;
  /** The organisation passes the dashboards show; the process's memory by default. */
  orgPasses?: OrgSecretsPasses;
  /** The providers' admin APIs the server has a key for: leak incidents with a provider key close by what the provider lists. */
  adminApis?: ProviderAdminSource[] | undefined;
}
