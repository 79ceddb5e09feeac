import type { EmulatorClock } from './clock.js';
import type { Bases } from './render/accounts.js';
import type { Store } from './store.js';
import { REPO_ROLES, type CommentRecord, type IssueRecord, type RepoRecord } from './types.js';
import { emitCommentEvent, emitIssueChanges, snapshotIssue } from './webhook-events.js';

/**
 * What people do in GitHub's web interface, with the webhooks it sends (`sender` the person): the
 * other side of a race with the App. The emulator serves no user tokens, so these stand for them.
 */
export function createUserActions(store: Store, clock: EmulatorClock, bases: Bases) {
  const repoOf = (fullName: string): RepoRecord => {
    const [owner, name] = fullName.split('/');
    const repo = owner && name ? store.repo(owner, name) : undefined;
    if (!repo) throw new Error(`emulator: unknown repository "${fullName}"`);
    return repo;
  };
  const issueOf = (repo: RepoRecord, number: number): IssueRecord => {
    const issue = store.issue(repo.id, number);
    if (!issue) throw new Error(`emulator: no issue #${number} in ${repo.owner}/${repo.name}`);
    return issue;
  };
  const atLeast = (repo: RepoRecord, login: string, role: 'read' | 'write'): boolean =>
    REPO_ROLES.indexOf(store.roleOf(repo, login)) >= REPO_ROLES.indexOf(role);

  return {
    /**
     * `user` rewrites an issue's body — ticking a task box is such an edit. GitHub lets the author
     * edit their own issue and others only with write access; anyone else is refused here too.
     */
    editIssue(edit: { repo: string; issue: number; body: string; user: string }): IssueRecord {
      const repo = repoOf(edit.repo);
      const issue = issueOf(repo, edit.issue);
      if (issue.user.toLowerCase() !== edit.user.toLowerCase() && !atLeast(repo, edit.user, 'write')) {
        throw new Error(`emulator: ${edit.user} may not edit ${edit.repo}#${edit.issue} (needs write access)`);
      }
      const before = snapshotIssue(issue);
      issue.body = edit.body;
      issue.updatedAt = clock.now();
      emitIssueChanges({ ...bases, store, repo, sender: edit.user }, issue, before);
      return issue;
    },
    /** `user` comments on an issue (anyone who can see the repository may). */
    comment(post: { repo: string; issue: number; body: string; user: string }): CommentRecord {
      const repo = repoOf(post.repo);
      const issue = issueOf(repo, post.issue);
      if (repo.visibility !== 'public' && !atLeast(repo, post.user, 'read'))
        throw new Error(`emulator: ${post.user} cannot see ${post.repo}`);
      const now = clock.now();
      const comment: CommentRecord = {
        id: store.nextId(),
        repoId: repo.id,
        issueNumber: issue.number,
        body: post.body,
        user: post.user,
        createdAt: now,
        updatedAt: now,
        viaAppId: null,
      };
      store.comments.push(comment);
      issue.updatedAt = now;
      emitCommentEvent({ ...bases, store, repo, sender: post.user }, issue, comment);
      return comment;
    },
  };
}

export type UserActions = ReturnType<typeof createUserActions>;
