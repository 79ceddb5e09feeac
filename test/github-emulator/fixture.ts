import { Octokit } from 'octokit';
import {
  signAppJwt,
  startGitHubEmulator,
  type EmulatorOptions,
  type GitHubEmulator,
} from '../support/github-emulator/index.js';
import type { AppRecord, InstallationRecord, Permissions } from '../support/github-emulator/index.js';

export interface World {
  gh: GitHubEmulator;
  app: AppRecord;
  installation: InstallationRecord;
  token: string;
  /** `fetch` against the emulator root with a token (or none). */
  call(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  octokit(token?: string, baseUrl?: string): Octokit;
}

export const FULL_PERMISSIONS: Permissions = {
  secrets: 'read',
  environments: 'read',
  organization_secrets: 'read',
  dependabot_secrets: 'read',
  organization_dependabot_secrets: 'read',
  actions_variables: 'read',
  organization_actions_variables: 'read',
  actions: 'read',
  contents: 'read',
  issues: 'write',
  checks: 'write',
  members: 'read',
};

/** An emulator with one App installed on org `acme` (repos `api`, `web`, `.github`). */
export async function createWorld(
  options: EmulatorOptions = {},
  permissions: Permissions = FULL_PERMISSIONS,
): Promise<World> {
  const gh = await startGitHubEmulator(options);
  const app = gh.seed.app({ slug: 'key-hygiene', permissions });
  gh.seed.repo({ fullName: 'acme/api', visibility: 'private' });
  gh.seed.repo({ fullName: 'acme/web', visibility: 'public' });
  gh.seed.repo({ fullName: 'acme/.github', visibility: 'public' });
  const installation = gh.seed.installation({ account: 'acme', permissions });
  const token = gh.seed.installationToken(installation.id);
  const call = (path: string, init: RequestInit & { token?: string | null } = {}): Promise<Response> => {
    const auth = init.token === undefined ? token : init.token;
    const headers = new Headers(init.headers);
    if (auth !== null) headers.set('authorization', `token ${auth}`);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    return fetch(gh.url + path, { ...init, headers });
  };
  const octokit = (auth = token, baseUrl = gh.url): Octokit =>
    new Octokit({ auth, baseUrl, throttle: { enabled: false }, retry: { enabled: false } });
  return { gh, app, installation, token, call, octokit };
}

/** An App JWT signed now (emulator clock), `iat` 30 s back as Octokit does. */
export function appJwt(
  world: World,
  claims: { iat?: number; exp?: number; iss?: number | string } = {},
  key?: string,
): string {
  const now = Math.floor(world.gh.clock.now().getTime() / 1000);
  const iat = claims.iat ?? now - 30;
  return signAppJwt(key ?? world.app.privateKey, {
    iss: claims.iss ?? world.app.id,
    iat,
    exp: claims.exp ?? iat + 600,
  });
}
