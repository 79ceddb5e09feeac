import { isoSeconds } from '../clock.js';
import type { AccountRecord } from '../types.js';

export interface Bases {
  apiBase: string;
  htmlBase: string;
}

const nodeId = (kind: string, id: number): string => Buffer.from(`0${kind}${id}`).toString('base64');

export { nodeId };

/** `simple-user`: how GitHub embeds a user, org or bot in other objects. */
export function renderSimpleUser(bases: Bases, account: AccountRecord): Record<string, unknown> {
  // Bot logins end in `[bot]`; GitHub percent-encodes the brackets in URLs.
  const path = encodeURIComponent(account.login);
  const url = `${bases.apiBase}/users/${path}`;
  return {
    login: account.login,
    id: account.id,
    node_id: nodeId(account.type === 'Organization' ? 'O' : 'U', account.id),
    avatar_url: `${bases.htmlBase}/avatars/${path}`,
    gravatar_id: '',
    url,
    html_url: `${bases.htmlBase}/${account.type === 'Bot' ? `apps/${path.replace(/%5Bbot%5D$/, '')}` : path}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    site_admin: false,
  };
}

/** `public-user` (GET /users/{username}). */
export function renderPublicUser(bases: Bases, account: AccountRecord): Record<string, unknown> {
  return {
    ...renderSimpleUser(bases, account),
    name: account.name,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: isoSeconds(account.createdAt),
    updated_at: isoSeconds(account.createdAt),
  };
}

/** `organization-full` (GET /orgs/{org}). */
export function renderOrganization(bases: Bases, org: AccountRecord, publicRepos: number): Record<string, unknown> {
  const url = `${bases.apiBase}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId('O', org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `${bases.htmlBase}/avatars/${org.login}`,
    description: null,
    name: org.name ?? org.login,
    html_url: `${bases.htmlBase}/${org.login}`,
    has_organization_projects: true,
    has_repository_projects: true,
    public_repos: publicRepos,
    public_gists: 0,
    followers: 0,
    following: 0,
    type: 'Organization',
    created_at: isoSeconds(org.createdAt),
    updated_at: isoSeconds(org.createdAt),
    archived_at: null,
  };
}

/** A placeholder for logins never seeded (GitHub would know them; the emulator invents them). */
export function ghostAccount(login: string): AccountRecord {
  let hash = 0;
  for (const char of login) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    id: 9_000_000 + (hash % 1_000_000),
    login,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    name: null,
    createdAt: new Date(0),
  };
}
