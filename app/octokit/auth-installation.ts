import type { AppOctokit } from './octokit.js';
import type { TokenCache } from './token-cache.js';

/** What auth-app hands an installation client's factory: the app client, its options, and its own state. */
interface FactoryOptions {
  octokit: AppOctokit;
  octokitOptions: {
    auth?: { request?: AppOctokit['request'] } & Record<string, unknown>;
    log?: { child?: (bindings: object) => unknown };
    throttle?: { enabled?: boolean } & Record<string, unknown>;
  } & Record<string, unknown>;
  [other: string]: unknown;
}

/**
 * An installation client as Probot's `app.auth(id)` makes it (probot/lib/octokit/get-authenticated-octokit.js:
 * the app client's class and options, throttling per installation), with one difference: its
 * tokens come from `tokens` — shared by every process through Redis — and not from Probot's
 * in-process cache, which mints a token per process. GitHub's ETags are per token: workers with
 * their own tokens would each pay 200s for what the others hold 304s for. A 401 (a token GitHub
 * revoked, say when the App was reinstalled) drops the token and sends the request once more with a
 * new one.
 * Its auth strategy mints on the app client's base URL: Probot hands it a `request` without one,
 * which only the request hook corrects — `client.auth()` would mint on api.github.com, whatever
 * GHE_HOST says.
 * https://github.com/octokit/auth-app.js#authenticate-as-installation
 */
/** Marks a request already sent again after a 401, so it is retried once at most. */
const RETRIED_401 = 'keyHygieneRetried401';

export async function authInstallation(
  appOctokit: AppOctokit,
  installationId: number,
  tokens: TokenCache,
): Promise<AppOctokit> {
  const factory = ({ octokit, octokitOptions }: FactoryOptions): AppOctokit => {
    const Octokit = octokit.constructor as new (options: object) => AppOctokit;
    return new Octokit({
      ...octokitOptions,
      log: octokitOptions.log?.child?.({ name: 'github' }) ?? octokitOptions.log,
      throttle: octokitOptions.throttle?.enabled
        ? { ...octokitOptions.throttle, id: String(installationId) }
        : { enabled: false },
      auth: {
        ...octokitOptions.auth,
        installationId,
        cache: tokens,
        request: (octokitOptions.auth?.request ?? octokit.request).defaults({
          baseUrl: octokit.request.endpoint.DEFAULTS.baseUrl,
        }),
      },
    });
  };
  const client = (await appOctokit.auth({ type: 'installation', installationId, factory })) as AppOctokit;
  client.hook.error('request', async (error, options) => {
    if ((error as { status?: unknown }).status !== 401) throw error;
    await tokens.forget(String(installationId));
    // Once more with a freshly minted token: a token can die before its hour (the installation's
    // permissions changed, the App was reinstalled), and that must not cost the request.
    if (options.request?.[RETRIED_401]) throw error;
    return client.request({ ...options, request: { ...options.request, [RETRIED_401]: true } });
  });
  return client;
}

/**
 * The installation token the installation's next request goes with, if one is cached — never
 * minted here: the request hook mints it (auth-app's `client.auth()` would sign its JWT without the
 * clock correction the hook learns from GitHub's `Date`). Then '' (until the first answer).
 */
export async function cachedToken(tokens: TokenCache, installationId: number): Promise<string> {
  // auth-app's key for an installation's token when no narrower token is asked for: its id.
  return (await tokens.peek(String(installationId)))?.split('|')[0] ?? '';
}
