import type { Probot } from 'probot';
import { ContentPacer, type PacerDeps } from './content-pacer.js';
import { EtagCache, useEtagCache } from './etag-cache.js';
import type { AppOctokit } from './octokit.js';

/** What the app's installation clients share in this process. */
export interface ClientCare {
  /** ETags and bodies of GET answers, by installation and URL. */
  etags: EtagCache;
  /** One write pacer per installation: GitHub counts secondary limits per installation. */
  pacerOf: (installationId: number) => ContentPacer;
}

/** Fresh caches; the pacers read `deps.now` and wait with `deps.sleep` (tests move a clock instead). */
export function createClientCare(deps: PacerDeps): ClientCare {
  const pacers = new Map<number, ContentPacer>();
  return {
    etags: new EtagCache(),
    pacerOf: (id) => {
      let pacer = pacers.get(id);
      if (!pacer) pacers.set(id, (pacer = new ContentPacer(undefined, deps)));
      return pacer;
    },
  };
}

const WRITES = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);
const prepared = new WeakSet<object>();

/**
 * Readies an installation client once: conditional GETs from the ETag cache, and every
 * content-creating request spaced under GitHub's secondary limits (≤ 80 a minute, GITHUB-FACTS.md).
 * Probot's throttling plugin still answers a 403/429 with Retry-After if one comes anyway.
 */
export function prepareClient<T extends AppOctokit>(octokit: T, installationId: number, care: ClientCare): T {
  if (prepared.has(octokit)) return octokit;
  prepared.add(octokit);
  const pacer = care.pacerOf(installationId);
  octokit.hook.before('request', async (options) => {
    // Minting the installation token is the app's own request, not content.
    if (WRITES.has(String(options.method).toUpperCase()) && !String(options.url).includes('/access_tokens')) await pacer.take();
  });
  return useEtagCache(octokit, installationId, care.etags);
}

/**
 * Every client `app.auth(installationId)` hands out — the sweeps' — is prepared, and the app's JWT
 * client reads conditionally too (`GET /app/installations` each sweep); webhook handlers prepare
 * `context.octokit` themselves (Probot builds that one without `app.auth`).
 */
export function prepareAppAuth(app: Probot, care: ClientCare): void {
  const auth = app.auth.bind(app);
  app.auth = async (installationId?: number) => {
    const octokit = await auth(installationId);
    return installationId === undefined ? useEtagCache(octokit, 'app', care.etags) : prepareClient(octokit, installationId, care);
  };
}
