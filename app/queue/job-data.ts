/** What each kind of sweep job carries (JSON in Redis; the job's name says which kind). */
export interface InstallationJobData {
  installationId: number;
  /** Absent on the jobs a schedule makes: the run is then the one of their period. */
  runId?: string;
}

export interface OrgJobData {
  installationId: number;
  runId: string;
  org: string;
  /** The organisation's repositories the installation reaches: where its secrets may be tracked. */
  repositories: Array<{ name: string; archived?: boolean }>;
}

export interface RepoJobData {
  installationId: number;
  runId: string;
  owner: string;
  repo: string;
}

export type SweepJob =
  | { name: 'installation'; data: InstallationJobData }
  | { name: 'org'; data: OrgJobData }
  | { name: 'repo'; data: RepoJobData };

/** What a finished job returns (kept with the job): how many issue actions it applied or planned. */
export interface SweepJobResult {
  actions: number;
}
