import { acceptedPermissions, permissionTitle, tokenInput } from './accepted-permissions.js';

/** What an Octokit RequestError carries that we need; anything else is rethrown as is. */
interface ApiError {
  status: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined> };
}

const isApiError = (error: unknown): error is ApiError =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/** Every permission `mode: environments` needs, for a 403 that does not say which one was missing. */
const RECIPE =
  'permission-actions: read, permission-secrets: read, permission-environments: read, permission-dependabot-secrets: read';

/**
 * Turns a failed API call into ONE line that says what to change. The client has already retried
 * 5xx answers and the rate limits it could wait for (create-github-client.ts), so what reaches here
 * stays failed. Header values are parsed, never echoed: only GitHub's permission names and a date.
 * https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
export function describeApiError(error: unknown, what: string, repository: string): Error {
  if (!isApiError(error)) return error instanceof Error ? error : new Error(String(error));
  const cannot = `cannot list ${what} of ${repository}`;
  const headers = error.response?.headers ?? {};
  const message = typeof error.message === 'string' ? error.message : '';
  if ((error.status === 403 || error.status === 429) && String(headers['x-ratelimit-remaining']) === '0') {
    return new Error(
      `${cannot}: the token's API rate limit is spent until ${resetTime(headers['x-ratelimit-reset'])}; run the step again after that, or give this job a token of its own (an App installation token has its own hourly limit).`,
    );
  }
  if ((error.status === 403 || error.status === 429) && /secondary rate limit/i.test(message)) {
    return new Error(
      `${cannot}: GitHub's secondary rate limit still refused it after the retries; run the step again in a few minutes, and do not start many of these jobs at the same moment.`,
    );
  }
  if (error.status === 403 && headers['x-github-sso'] !== undefined) {
    return new Error(
      `${cannot}: the organisation enforces SAML single sign-on and the \`token\` input is not authorised for it; authorise the token for the organisation's SSO, or use a GitHub App installation token (SSO does not apply to it).`,
    );
  }
  if (error.status === 403 && /IP allow list/i.test(message)) {
    return new Error(
      `${cannot}: the organisation's IP allow list refuses this runner's address; run the job on a runner whose address is on the list (a self-hosted runner, or a larger runner with static addresses), or have an organisation owner add the runner's addresses to the list.`,
    );
  }
  if (error.status === 403)
    return new Error(`${cannot}: ${permissionAdvice(headers['x-accepted-github-permissions'])}`);
  if (error.status === 401) return new Error(`${cannot}: the \`token\` input was refused (401 Bad credentials).`);
  if (error.status === 404)
    return new Error(
      `${cannot}: not found (404) — the token cannot see this repository; give it access to ${repository}.`,
    );
  if (error.status >= 500)
    return new Error(
      `${cannot}: the API answered ${error.status} again after retries; GitHub may be having trouble (https://www.githubstatus.com): run the step again later.`,
    );
  return new Error(`${cannot}: the API answered ${error.status}.`);
}

/**
 * Names the permission `X-Accepted-GitHub-Permissions` says was missing and the exact
 * `actions/create-github-app-token` inputs that grant it. The workflow GITHUB_TOKEN has no `secrets`
 * permission at all, so the fix is always an App token.
 * https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
function permissionAdvice(header: unknown): string {
  const accepted = acceptedPermissions(header);
  const note = '(the workflow GITHUB_TOKEN cannot read secret metadata)';
  if (!accepted) {
    return `access was denied (403). Give your GitHub App Actions, Secrets, Environments and Dependabot secrets (read), mint the token with actions/create-github-app-token (${RECIPE}) and pass it as the \`token\` input ${note}.`;
  }
  const titles = accepted.map(permissionTitle).join(' and ');
  const inputs = accepted.map((p) => `\`${tokenInput(p)}\``).join(', ');
  const raw = accepted.map((p) => `${p.name}=${p.level}`).join(',');
  const those = accepted.length === 1 ? 'that permission' : 'those permissions';
  return `the token lacks ${titles} (X-Accepted-GitHub-Permissions: ${raw}). Give your GitHub App ${those}, add ${inputs} to its actions/create-github-app-token step and pass that token as the \`token\` input ${note}.`;
}

/** `x-ratelimit-reset` (epoch seconds) as an ISO time; its reset "within the hour" when it is not a number. */
function resetTime(value: unknown): string {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 1e11) return 'its reset, within the hour';
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
