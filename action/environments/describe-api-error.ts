/** What an Octokit RequestError carries that we need; anything else is rethrown as is. */
interface ApiError {
  status: number;
  response?: { headers?: Record<string, string | number | undefined> };
}

const isApiError = (error: unknown): error is ApiError =>
  typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';

/**
 * Turns a failed API call into ONE line that says what to change. A 403 names the permission from
 * `X-Accepted-GitHub-Permissions`; the usual cause is the workflow GITHUB_TOKEN, which has no
 * `secrets` permission at all, so the fix is an App token.
 * https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api#insufficient-permission-errors
 * https://docs.github.com/actions/security-for-github-actions/security-guides/automatic-token-authentication#permissions-for-the-github_token
 */
export function describeApiError(error: unknown, what: string, repository: string): Error {
  if (!isApiError(error)) return error instanceof Error ? error : new Error(String(error));
  const accepted = error.response?.headers?.['x-accepted-github-permissions'];
  if (error.status === 403) {
    const lacks = accepted !== undefined ? `the token lacks the permission ${String(accepted)} (X-Accepted-GitHub-Permissions)` : 'access was denied (403)';
    return new Error(
      `cannot list ${what} of ${repository}: ${lacks}. ` +
        'The workflow GITHUB_TOKEN cannot read secret metadata: mint a token with actions/create-github-app-token ' +
        '(permission-secrets: read, permission-environments: read) and pass it as the `token` input.',
    );
  }
  if (error.status === 401) return new Error(`cannot list ${what} of ${repository}: the \`token\` input was refused (401 Bad credentials).`);
  if (error.status === 404) {
    return new Error(`cannot list ${what} of ${repository}: not found (404) — the token cannot see this repository; give it access to ${repository}.`);
  }
  return new Error(`cannot list ${what} of ${repository}: the API answered ${error.status}.`);
}
