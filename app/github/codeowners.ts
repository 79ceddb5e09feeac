import type { OwnerSources } from '../../src/tracking/resolve-owners.js';
import { statusOf, type AppOctokit } from '../octokit/octokit.js';

/** Where GitHub looks for CODEOWNERS, in its order: the first one found is used. */
export const CODEOWNERS_PATHS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'] as const;

/**
 * The owners a CODEOWNERS file gives the whole repository, kept simple: the last `*` rule (the
 * last matching rule wins, and `*` matches everything), else the last rule for `.github/` — where
 * the workflows and the key-hygiene config live. Comments and e-mail owners are dropped later.
 * https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners
 */
export function codeownersOwners(text: string): string[] {
  const rules = text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/(^|\s)#.*$/, '')
        .trim()
        .split(/\s+/),
    )
    .filter((parts) => parts.length > 1 && parts[0] !== '');
  const last = (patterns: readonly string[]) =>
    rules
      .filter(([pattern]) => patterns.includes(pattern!))
      .at(-1)
      ?.slice(1);
  return (
    last(['*', '/*', '/**', '**']) ??
    last(['.github/', '/.github/', '.github/**', '/.github/**', '.github', '/.github']) ??
    []
  );
}

/** When each repository (`owner/repo`, lower case) was last seen without a CODEOWNERS file, in ms. */
export type MissingCodeowners = Map<string, number>;

const processMissing: MissingCodeowners = new Map();

/** How long "no CODEOWNERS here" is believed: 404s count against the rate limit and carry no ETag. */
export const MISSING_CODEOWNERS_RECHECK_MS = 86_400_000;

/**
 * Who to mention when the policy names no owners: the repository's CODEOWNERS, read from the default
 * branch (config is never read from other branches), else its admins. Anything unreadable (403/404) counts as none. A
 * repository found without the file is looked at again a day later, not on every sweep.
 */
export async function fetchOwnerSources(
  octokit: AppOctokit,
  owner: string,
  repo: string,
  now: Date,
  missing: MissingCodeowners = processMissing,
): Promise<OwnerSources> {
  const key = `${owner}/${repo}`.toLowerCase();
  const seenMissing = missing.get(key);
  if (seenMissing === undefined || now.getTime() - seenMissing >= MISSING_CODEOWNERS_RECHECK_MS) {
    const text = await readCodeowners(octokit, owner, repo);
    if (text === undefined) missing.set(key, now.getTime());
    else missing.delete(key);
    const codeowners = text === undefined ? [] : codeownersOwners(text);
    if (codeowners.length > 0) return { codeowners };
  }
  return { admins: await admins(octokit, owner, repo) };
}

/** The first CODEOWNERS file GitHub would use, or undefined. */
async function readCodeowners(octokit: AppOctokit, owner: string, repo: string): Promise<string | undefined> {
  for (const path of CODEOWNERS_PATHS) {
    const text = await readFile(octokit, owner, repo, path);
    if (text !== undefined) return text;
  }
  return undefined;
}

async function readFile(octokit: AppOctokit, owner: string, repo: string, path: string): Promise<string | undefined> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner, repo, path });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return undefined;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return undefined;
    throw error;
  }
}

/** https://docs.github.com/rest/collaborators/collaborators#list-repository-collaborators */
async function admins(octokit: AppOctokit, owner: string, repo: string): Promise<string[]> {
  try {
    const users = await octokit.paginate('GET /repos/{owner}/{repo}/collaborators', {
      owner,
      repo,
      permission: 'admin',
      per_page: 100,
    });
    return users.filter((u) => u.type !== 'Bot').map((u) => u.login);
  } catch (error) {
    if (statusOf(error) === 404 || statusOf(error) === 403) return [];
    throw error;
  }
}
