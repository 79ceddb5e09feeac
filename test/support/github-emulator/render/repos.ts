import { isoSeconds } from '../clock.js';
import type { Store } from '../store.js';
import type { RepoRecord } from '../types.js';
import { ghostAccount, nodeId, renderSimpleUser, type Bases } from './accounts.js';

/** `minimal-repository`: the URL templates every repository object carries. */
export function renderMinimalRepo(bases: Bases, store: Store, repo: RepoRecord): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const url = `${bases.apiBase}/repos/${fullName}`;
  const owner = store.account(repo.owner) ?? ghostAccount(repo.owner);
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: fullName,
    owner: renderSimpleUser(bases, owner),
    private: repo.visibility !== 'public',
    visibility: repo.visibility,
    html_url: `${bases.htmlBase}/${fullName}`,
    description: repo.description,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    hooks_url: `${url}/hooks`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    archived: repo.archived,
    disabled: false,
    default_branch: repo.defaultBranch,
  };
}

/** `full-repository` (GET /repos/{owner}/{repo}); also a valid `repository`. */
export function renderFullRepo(bases: Bases, store: Store, repo: RepoRecord): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.name}`;
  const openIssues = store.issuesOf(repo.id).filter((issue) => issue.state === 'open').length;
  const created = isoSeconds(repo.createdAt);
  return {
    ...renderMinimalRepo(bases, store, repo),
    clone_url: `${bases.htmlBase}/${fullName}.git`,
    git_url: `git://127.0.0.1/${fullName}.git`,
    ssh_url: `git@127.0.0.1:${fullName}.git`,
    svn_url: `${bases.htmlBase}/${fullName}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 0,
    open_issues: openIssues,
    open_issues_count: openIssues,
    has_issues: true,
    has_projects: true,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    license: null,
    topics: [],
    is_template: false,
    pushed_at: created,
    created_at: created,
    updated_at: created,
    network_count: 0,
    subscribers_count: 0,
  };
}
