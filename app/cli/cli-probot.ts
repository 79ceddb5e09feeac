import { Probot, type ProbotOctokit } from 'probot';
import { createClientCare, prepareAppAuth, type ClientCare } from '../octokit/prepare-client.js';
import { readPrivateKey } from '../github/read-private-key.js';
import type { AppSettings } from '../settings.js';

/** Where the app talks to GitHub, and as whom — read once from the environment. */
export interface CliEnvironment {
  appId: number;
  privateKey: string;
  /** `http(s)://host/api/v3` for GHES or the emulator; undefined for api.github.com. */
  baseUrl: string | undefined;
}

/** APP_ID; PRIVATE_KEY (literal `\n` allowed) or PRIVATE_KEY_PATH; GHE_HOST + GHE_PROTOCOL, or GITHUB_API_URL. */
export function readCliEnvironment(env: NodeJS.ProcessEnv): CliEnvironment {
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0)
    throw new Error(`APP_ID is "${env.APP_ID ?? ''}": expected the App's numeric id`);
  const privateKey = readPrivateKey(env);
  if (!privateKey?.includes('PRIVATE KEY'))
    throw new Error("PRIVATE_KEY or PRIVATE_KEY_PATH must give the App's PEM private key");
  // Probot's convention: GHE_HOST=host[:port] + GHE_PROTOCOL → <protocol>://<host>/api/v3.
  const baseUrl = env.GHE_HOST
    ? `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}/api/v3`
    : env.GITHUB_API_URL?.replace(/\/$/, '');
  return { appId, privateKey, baseUrl };
}

export interface CliProbotOptions {
  logLevel: 'info' | 'warn';
  now: () => Date;
  /** Probot's client class; tests pass one with throttling off. */
  Octokit?: typeof ProbotOctokit | undefined;
}

/**
 * Probot outside its server, as `probot run` makes it: with `REDIS_URL` its throttling (Bottleneck)
 * is one cluster across processes — `probot run` reads REDIS_URL into the same `redisConfig`
 * (probot/lib/bin/read-env-options.js) — and the installation clients share the ETag cache and
 * write pacers through Redis, as in the server (app/octokit/prepare-client.ts), the cache encrypted
 * with a key derived from the PEM. A client class with throttling off (tests) leaves Probot nothing
 * to share.
 */
export function createCliProbot(
  cli: CliEnvironment,
  settings: AppSettings,
  o: CliProbotOptions,
): { probot: Probot; care: ClientCare } {
  const redisUrl = settings.queue?.redisUrl;
  const probot = new Probot({
    appId: cli.appId,
    privateKey: cli.privateKey,
    ...(cli.baseUrl && { baseUrl: cli.baseUrl }),
    logLevel: o.logLevel,
    ...(o.Octokit && { Octokit: o.Octokit }),
    ...(redisUrl && !o.Octokit && { redisConfig: redisUrl }),
  });
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // The PEM also keys the encryption of the ETag cache shared through Redis (app/octokit/etag-sealer.ts).
  const care = createClientCare(
    { now: () => o.now().getTime(), sleep },
    { budgetShare: settings.budgetShare, ...(redisUrl && { redisUrl }), privateKey: cli.privateKey },
  );
  prepareAppAuth(probot, care);
  return { probot, care };
}
