import type { ProbotOctokit } from 'probot';

/** An installation (or app) client as Probot hands it out: throttling, retry, pagination, `config.get`. */
export type AppOctokit = InstanceType<typeof ProbotOctokit>;

/** The HTTP status of a failed API call (an Octokit RequestError), else undefined. */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * `X-Accepted-GitHub-Permissions` of a 403: the permission that was missing.
 * https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
export function missingPermission(error: unknown): string | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | null)?.response?.headers;
  const value = headers?.['x-accepted-github-permissions'];
  return value === undefined ? undefined : String(value);
}

/** `owner/name` → its parts. */
export function splitRepository(repository: string): { owner: string; repo: string } {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
}
