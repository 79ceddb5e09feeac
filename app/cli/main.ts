import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Probot, type ProbotOctokit } from 'probot';
import { readSettings } from '../settings.js';
import { createClientCare, prepareAppAuth } from '../github/prepare-client.js';
import { sweepAll } from '../sweep/sweep-all.js';

const USAGE = 'usage: key-hygiene-app sweep --once [--dry-run]';

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
  if (!Number.isInteger(appId) || appId <= 0) throw new Error(`APP_ID is "${env.APP_ID ?? ''}": expected the App's numeric id`);
  const privateKey = env.PRIVATE_KEY?.replace(/\\n/g, '\n') ?? (env.PRIVATE_KEY_PATH ? readFileSync(env.PRIVATE_KEY_PATH, 'utf8') : undefined);
  if (!privateKey?.includes('PRIVATE KEY')) throw new Error('PRIVATE_KEY or PRIVATE_KEY_PATH must give the App\'s PEM private key');
  // Probot's convention: GHE_HOST=host[:port] + GHE_PROTOCOL → <protocol>://<host>/api/v3 (GITHUB-FACTS.md).
  const baseUrl = env.GHE_HOST ? `${env.GHE_PROTOCOL ?? 'https'}://${env.GHE_HOST}/api/v3` : env.GITHUB_API_URL?.replace(/\/$/, '');
  return { appId, privateKey, baseUrl };
}

/**
 * `key-hygiene-app sweep --once`: every installation swept once, for a scheduled workflow instead
 * of a server. Exit 0 when all went through, 2 with one line per failure (STYLE.md rule 9).
 */
export interface MainDeps {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  now: () => Date;
  /** Probot's client class; tests turn throttling off. */
  Octokit?: typeof ProbotOctokit;
}

const defaultDeps: MainDeps = { out: process.stdout, err: process.stderr, now: () => new Date() };

export async function main(argv: string[], env: NodeJS.ProcessEnv, deps: Partial<MainDeps> = {}): Promise<number> {
  const { out, err, now, Octokit } = { ...defaultDeps, ...deps };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { once: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, allowPositionals: true });
    if (positionals[0] !== 'sweep' || !values.once) throw new Error(USAGE);
    const settings = { ...readSettings(env), ...(values['dry-run'] && { dryRun: true }) };
    const { appId, privateKey, baseUrl } = readCliEnvironment(env);
    const probot = new Probot({ appId, privateKey, ...(baseUrl && { baseUrl }), logLevel: settings.dryRun ? 'info' : 'warn', ...(Octokit && { Octokit }) });
    // Writes paced under GitHub's secondary limits, as in the server (app/github/prepare-client.ts).
    prepareAppAuth(probot, createClientCare({ now: () => now().getTime(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) }));
    const { installations, results, failed } = await sweepAll(probot, settings, now);
    const swept = results.reduce((n, r) => n + r.swept.length, 0);
    const actions = results.reduce((n, r) => n + r.actions.length, 0);
    out.write(`key-hygiene-app: swept ${swept} repositories in ${installations} installations, ${actions} ${settings.dryRun ? 'planned' : 'applied'} actions\n`);
    failed.forEach((line) => err.write(`key-hygiene-app: ${line}\n`));
    return failed.length ? 2 : 0;
  } catch (error) {
    err.write(`key-hygiene-app: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 2;
  }
}
