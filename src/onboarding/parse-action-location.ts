/**
 * Where the Key Hygiene Action lives, as a workflow's `uses:` names it (`owner/repo@ref`). Nothing is
 * published under a name we own: each operator hosts this repository somewhere and says where
 * (`KEY_HYGIENE_ACTION`), and whoever owns that repository runs code in every onboarded repository.
 */
export interface ActionLocation {
  owner: string;
  repo: string;
  /** A tag, branch or commit of `owner/repo`. */
  ref: string;
  /** The repository's page (its README documents the Action and the config); none when the web host is unknown. */
  home?: string;
}

// GitHub's rules for names: an account is 1–39 letters, digits and inner hyphens; a repository,
// letters, digits, `.`, `-` and `_`. A ref is kept to what a YAML plain scalar and Markdown inline
// code carry unchanged, and to what git allows in a tag or branch name (no `..`, no `//`, no `@{`).
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]{1,100}$/;
const REF = /^[A-Za-z0-9_][A-Za-z0-9._/-]{0,254}$/;
const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?$/;

/**
 * `owner/repo@ref` as a workflow's `uses:` takes it, or undefined when it is not one. `web` is the
 * GitHub the App talks to (`https://github.com`, or a GitHub Enterprise Server's address), where
 * `uses:` finds the repository: its page is {@link ActionLocation.home} (none when `web` is undefined).
 */
export function parseActionLocation(text: string, web: string | undefined): ActionLocation | undefined {
  const match = /^([^/@]+)\/([^/@]+)@(.+)$/.exec(text);
  if (!match) return undefined;
  const [, owner = '', repo = '', ref = ''] = match;
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === '.' || repo === '..') return undefined;
  if (!REF.test(ref) || /\.\.|\/\/|[/.]$|\.lock$/.test(ref)) return undefined;
  return { owner, repo, ref, ...(web !== undefined && { home: `${web}/${owner}/${repo}` }) };
}

/**
 * The web address of the GitHub the App talks to: Probot's `GHE_HOST` and `GHE_PROTOCOL`, else a
 * runner's `GITHUB_SERVER_URL` (the sweep action, which finds the API from `GITHUB_API_URL`), else
 * `https://github.com`. Undefined when the one given is not a plain host: no link then, rather than a wrong one.
 */
export function webOfGitHub(
  host: string | undefined,
  protocol: string | undefined,
  serverUrl?: string,
): string | undefined {
  if (host) return HOST.test(host) ? `${protocol === 'http' ? 'http' : 'https'}://${host}` : undefined;
  if (serverUrl) {
    const server = /^(https?):\/\/([^/]+)\/?$/.exec(serverUrl);
    return server && HOST.test(server[2]!) ? `${server[1]}://${server[2]}` : undefined;
  }
  return 'https://github.com';
}

/** `owner/repo@ref`, as `uses:` takes it. */
export const actionUses = (action: ActionLocation): string => `${action.owner}/${action.repo}@${action.ref}`;
