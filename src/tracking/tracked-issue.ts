// The bot's issues as the planner sees them: plain objects the adapter fills from the REST API
// (`GET /repos/{o}/{r}/issues?creator=…&state=all&labels=key-hygiene` and each issue's comments).

export interface IssueComment {
  /** GitHub login of the comment's author, e.g. `key-hygiene[bot]`. */
  author: string;
  /** `created_at`, ISO. */
  createdAt: string;
  body: string;
}

export interface TrackedIssue {
  number: number;
  title: string;
  body: string;
  labels: string[];
  state: 'open' | 'closed';
  /** `created_at`, ISO; counts as the first notice when the marker has no reminder time. */
  createdAt?: string;
  /** Issue author; when given and not the bot, the issue is not the bot's and is ignored. */
  author?: string;
  comments: IssueComment[];
  /** Logins assigned now (GitHub keeps 10 at most). */
  assignees?: string[];
}
