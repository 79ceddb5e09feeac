import type { EmulatorClock } from './clock.js';
import type { Store } from './store.js';
import type { AccountRecord, CommentRecord, IssueRecord, LabelRecord, RepoRecord } from './types.js';

type RepoLookup = (fullName: string) => RepoRecord;
type EnsureAccount = (login: string, type: AccountRecord['type']) => AccountRecord;

export interface IssueSeed {
  repo: string;
  title: string;
  body?: string | null;
  user?: string;
  labels?: string[];
  assignees?: string[];
  state?: 'open' | 'closed';
  createdAt?: Date;
}

/** Issues, comments and labels: the state the App keeps in GitHub itself. */
export function createWorkSeeders(
  store: Store,
  clock: EmulatorClock,
  repoByName: RepoLookup,
  ensureAccount: EnsureAccount,
) {
  const label = (fullName: string, name: string, color = 'ededed', description: string | null = null): LabelRecord => {
    const repo = repoByName(fullName);
    const existing = store.labelsOf(repo.id).find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const record: LabelRecord = { id: store.nextId(), repoId: repo.id, name, color, description, isDefault: false };
    store.labels.push(record);
    return record;
  };

  return {
    label,
    issue: (seed: IssueSeed): IssueRecord => {
      const repo = repoByName(seed.repo);
      const user = seed.user ?? 'octocat';
      ensureAccount(user, user.endsWith('[bot]') ? 'Bot' : 'User');
      (seed.labels ?? []).forEach((name) => label(seed.repo, name));
      const at = seed.createdAt ?? clock.now();
      const issue: IssueRecord = {
        id: store.nextId(),
        repoId: repo.id,
        number: nextIssueNumber(store, repo.id),
        title: seed.title,
        body: seed.body ?? null,
        user,
        state: seed.state ?? 'open',
        stateReason: seed.state === 'closed' ? 'completed' : null,
        labels: seed.labels ?? [],
        assignees: seed.assignees ?? [],
        locked: false,
        createdAt: at,
        updatedAt: at,
        closedAt: seed.state === 'closed' ? at : null,
        viaAppId: null,
      };
      store.issues.push(issue);
      return issue;
    },
    comment: (seed: { repo: string; issue: number; body: string; user?: string; createdAt?: Date }): CommentRecord => {
      const repo = repoByName(seed.repo);
      const user = seed.user ?? 'octocat';
      ensureAccount(user, user.endsWith('[bot]') ? 'Bot' : 'User');
      const at = seed.createdAt ?? clock.now();
      const comment: CommentRecord = {
        id: store.nextId(),
        repoId: repo.id,
        issueNumber: seed.issue,
        body: seed.body,
        user,
        createdAt: at,
        updatedAt: at,
        viaAppId: null,
      };
      store.comments.push(comment);
      return comment;
    },
  };
}

/** Issues and pull requests share one number sequence per repository. */
export function nextIssueNumber(store: Store, repoId: number): number {
  return store.issuesOf(repoId).reduce((max, issue) => Math.max(max, issue.number), 0) + 1;
}
