import { isoSeconds } from '../clock.js';
import type { Store } from '../store.js';
import type { CommentRecord, IssueRecord, LabelRecord, RepoRecord } from '../types.js';
import { ghostAccount, nodeId, renderSimpleUser, type Bases } from './accounts.js';
import { renderApp } from './apps.js';

export function renderLabel(bases: Bases, repo: RepoRecord, label: LabelRecord): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId('L', label.id),
    url: `${bases.apiBase}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: label.isDefault,
  };
}

function user(bases: Bases, store: Store, login: string): Record<string, unknown> {
  return renderSimpleUser(bases, store.account(login) ?? ghostAccount(login));
}

/**
 * `author_association` as GitHub computes it for the repository: OWNER, MEMBER (org member),
 * COLLABORATOR, else NONE. Commands trust the permission API, not this field.
 */
function association(store: Store, repo: RepoRecord, login: string): string {
  if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
  const member = store.teams.some(
    (team) =>
      team.org.toLowerCase() === repo.owner.toLowerCase() &&
      team.members.some((m) => m.toLowerCase() === login.toLowerCase()),
  );
  if (member) return 'MEMBER';
  return store.roleOf(repo, login) === 'none' ? 'NONE' : 'COLLABORATOR';
}

export function renderIssue(bases: Bases, store: Store, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const repoUrl = `${bases.apiBase}/repos/${repo.owner}/${repo.name}`;
  const url = `${repoUrl}/issues/${issue.number}`;
  const labels = issue.labels.map((name) => {
    const label = store.labelsOf(repo.id).find((l) => l.name === name);
    return label ? renderLabel(bases, repo, label) : { name };
  });
  const assignees = issue.assignees.map((login) => user(bases, store, login));
  const app = issue.viaAppId === null ? undefined : store.apps.get(issue.viaAppId);
  const comments = store.commentsOf(repo.id, issue.number).length;
  return {
    id: issue.id,
    node_id: nodeId('I', issue.id),
    url,
    repository_url: repoUrl,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${bases.htmlBase}/${repo.owner}/${repo.name}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: user(bases, store, issue.user),
    labels,
    assignee: assignees[0] ?? null,
    assignees,
    milestone: null,
    locked: issue.locked,
    active_lock_reason: null,
    comments,
    closed_at: issue.closedAt ? isoSeconds(issue.closedAt) : null,
    created_at: isoSeconds(issue.createdAt),
    updated_at: isoSeconds(issue.updatedAt),
    closed_by: null,
    author_association: association(store, repo, issue.user),
    performed_via_github_app: app ? renderApp(bases, store, app) : null,
    // A pull request is an issue too; issue lists mark it so clients can tell them apart.
    ...pullRequestLinks(bases, store, repo, issue),
  };
}

function pullRequestLinks(bases: Bases, store: Store, repo: RepoRecord, issue: IssueRecord): Record<string, unknown> {
  const pull = store.pulls.find((p) => p.repoId === repo.id && p.number === issue.number);
  if (!pull) return {};
  const html = `${bases.htmlBase}/${repo.owner}/${repo.name}/pull/${issue.number}`;
  const url = `${bases.apiBase}/repos/${repo.owner}/${repo.name}/pulls/${issue.number}`;
  return {
    pull_request: {
      url,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      merged_at: pull.mergedAt ? isoSeconds(pull.mergedAt) : null,
    },
  };
}

export function renderComment(
  bases: Bases,
  store: Store,
  repo: RepoRecord,
  comment: CommentRecord,
): Record<string, unknown> {
  const repoUrl = `${bases.apiBase}/repos/${repo.owner}/${repo.name}`;
  const app = comment.viaAppId === null ? undefined : store.apps.get(comment.viaAppId);
  return {
    id: comment.id,
    node_id: nodeId('C', comment.id),
    url: `${repoUrl}/issues/comments/${comment.id}`,
    html_url: `${bases.htmlBase}/${repo.owner}/${repo.name}/issues/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${repoUrl}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: user(bases, store, comment.user),
    created_at: isoSeconds(comment.createdAt),
    updated_at: isoSeconds(comment.updatedAt),
    author_association: association(store, repo, comment.user),
    performed_via_github_app: app ? renderApp(bases, store, app) : null,
  };
}
