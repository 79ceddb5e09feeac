import { findBranch, headShaOf } from '../branches.js';
import { isoSeconds } from '../clock.js';
import type { Store } from '../store.js';
import type { IssueRecord, PullRecord, RepoRecord } from '../types.js';
import { ghostAccount, nodeId, renderSimpleUser, type Bases } from './accounts.js';
import { renderIssue, renderLabel } from './issues.js';
import { renderFullRepo } from './repos.js';

/** The head commit: the branch's when it still exists, else the last one seen. */
export function pullHeadSha(store: Store, repo: RepoRecord, pull: PullRecord): string {
  const branch = findBranch(store, repo, pull.head);
  return branch ? headShaOf(branch.files) : pull.headSha;
}

function branchSide(bases: Bases, store: Store, repo: RepoRecord, ref: string, sha: string): Record<string, unknown> {
  const owner = store.account(repo.owner) ?? ghostAccount(repo.owner);
  return {
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: renderSimpleUser(bases, owner),
    repo: renderFullRepo(bases, store, repo),
  };
}

/** `pull-request-simple`, as `GET /repos/{owner}/{repo}/pulls` lists it. */
export function renderPullSimple(
  bases: Bases,
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
): Record<string, unknown> {
  const repoUrl = `${bases.apiBase}/repos/${repo.owner}/${repo.name}`;
  const url = `${repoUrl}/pulls/${pull.number}`;
  const html = `${bases.htmlBase}/${repo.owner}/${repo.name}/pull/${pull.number}`;
  const asIssue = renderIssue(bases, store, repo, issue);
  const headSha = pullHeadSha(store, repo, pull);
  const base = findBranch(store, repo, pull.base);
  const labels = issue.labels
    .map((name) => store.labels.find((l) => l.repoId === repo.id && l.name === name))
    .filter((l) => l !== undefined)
    .map((l) => renderLabel(bases, repo, l));
  const link = (href: string) => ({ href });
  return {
    url,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: asIssue.url,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: asIssue.comments_url,
    statuses_url: `${repoUrl}/statuses/${headSha}`,
    number: pull.number,
    state: issue.state,
    locked: issue.locked,
    title: issue.title,
    user: asIssue.user,
    body: issue.body,
    labels,
    milestone: null,
    active_lock_reason: null,
    created_at: isoSeconds(issue.createdAt),
    updated_at: isoSeconds(issue.updatedAt),
    closed_at: issue.closedAt ? isoSeconds(issue.closedAt) : null,
    merged_at: pull.mergedAt ? isoSeconds(pull.mergedAt) : null,
    merge_commit_sha: pull.mergedAt ? headSha : null,
    assignee: asIssue.assignee,
    assignees: asIssue.assignees,
    requested_reviewers: [],
    requested_teams: [],
    head: branchSide(bases, store, repo, pull.head, headSha),
    base: branchSide(bases, store, repo, pull.base, base ? headShaOf(base.files) : headSha),
    _links: {
      self: link(url),
      html: link(html),
      issue: link(String(asIssue.url)),
      comments: link(String(asIssue.comments_url)),
      review_comments: link(`${url}/comments`),
      review_comment: link(`${repoUrl}/pulls/comments{/number}`),
      commits: link(`${url}/commits`),
      statuses: link(`${repoUrl}/statuses/${headSha}`),
    },
    author_association: asIssue.author_association,
    auto_merge: null,
    draft: pull.draft,
  };
}

/** `pull-request`: the simple form plus merge state and counts (GET, POST, PATCH one pull request). */
export function renderPull(
  bases: Bases,
  store: Store,
  repo: RepoRecord,
  issue: IssueRecord,
  pull: PullRecord,
): Record<string, unknown> {
  const simple = renderPullSimple(bases, store, repo, issue, pull);
  const mergedBy = pull.mergedBy
    ? renderSimpleUser(bases, store.account(pull.mergedBy) ?? ghostAccount(pull.mergedBy))
    : null;
  const head = findBranch(store, repo, pull.head);
  const base = findBranch(store, repo, pull.base);
  const changed = head && base ? [...head.files].filter(([path, text]) => base.files.get(path) !== text) : [];
  const lines = changed.reduce((sum, [, text]) => sum + text.split('\n').filter(Boolean).length, 0);
  const open = issue.state === 'open';
  return {
    ...simple,
    merged: pull.mergedAt !== null,
    // GitHub computes mergeability in the background; an open, clean pull request reads as mergeable.
    mergeable: open ? true : null,
    rebaseable: open ? true : null,
    mergeable_state: open ? 'clean' : 'unknown',
    merged_by: mergedBy,
    comments: store.comments.filter((c) => c.repoId === repo.id && c.issueNumber === pull.number).length,
    review_comments: 0,
    maintainer_can_modify: pull.maintainerCanModify,
    // Counted from the files (the emulator keeps no commit list): additions are the changed files' lines.
    commits: changed.length > 0 ? 1 : 0,
    additions: lines,
    deletions: 0,
    changed_files: changed.length,
  };
}
