import type { EmulatorClock } from './clock.js';
import { HttpError, notFound } from './http-error.js';
import { peekIssuer, verifyAppJwt, JWT_MESSAGES } from './jwt.js';
import type { Principal, Route } from './router.js';
import type { Store } from './store.js';
import type { AccountRecord, PermissionLevel, Permissions, RepoRecord } from './types.js';

const LEVELS: PermissionLevel[] = ['read', 'write', 'admin'];

const badCredentials = (): HttpError => new HttpError(401, 'Bad credentials');

/**
 * Authenticates a request for a route. App routes take a JWT (`Authorization: Bearer <jwt>`);
 * other routes take an access token (`token <t>` or `Bearer <t>`).
 * https://docs.github.com/apps/creating-github-apps/authenticating-with-a-github-app/about-authentication-with-a-github-app
 */
export function authenticate(
  route: Route,
  authorization: string | undefined,
  store: Store,
  clock: EmulatorClock,
): Principal {
  if (!authorization) throw new HttpError(401, 'Requires authentication');
  const match = /^(bearer|token)\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw badCredentials();
  const credential = match[2] as string;
  const looksLikeJwt = credential.split('.').length === 3;
  if (route.auth === 'app') {
    if (!looksLikeJwt) throw new HttpError(401, JWT_MESSAGES.invalid);
    return authenticateApp(credential, store, clock);
  }
  if (looksLikeJwt) throw badCredentials();
  const token = store.tokens.get(credential);
  if (!token || token.expiresAt.getTime() <= clock.now().getTime()) throw badCredentials();
  const installation = token.installationId === null ? null : (store.installations.get(token.installationId) ?? null);
  if (token.installationId !== null && !installation) throw badCredentials();
  return { kind: 'token', token, installation };
}

function authenticateApp(jwt: string, store: Store, clock: EmulatorClock): Principal {
  const issuer = peekIssuer(jwt);
  // `iss` may be the App id or, since 2024, its client id.
  const app = [...store.apps.values()].find(
    (candidate) => String(candidate.id) === issuer || candidate.clientId === issuer,
  );
  if (!app) throw new HttpError(401, JWT_MESSAGES.invalid);
  const check = verifyAppJwt(jwt, app.publicKey, clock.now());
  if (!check.ok) throw new HttpError(401, check.message);
  return { kind: 'app', app };
}

/** The rate-limit identity: tokens of one installation share one budget. */
export function callerKey(principal: Principal): string {
  if (principal.kind === 'app') return `app:${principal.app.id}`;
  if (principal.token.installationId !== null) return `installation:${principal.token.installationId}`;
  return `token:${principal.token.token}`;
}

/**
 * The ETag identity: the authorization itself. GitHub's answers vary on `Authorization`, so an ETag
 * one installation token obtained is no match for the next token (they live an hour) — the same
 * URL answers 200 again, counted — while the app's JWT varies per App.
 * https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate
 */
export function etagCaller(principal: Principal): string {
  return principal.kind === 'app' ? `app:${principal.app.id}` : `token:${principal.token.token}`;
}

export function hasLevel(granted: Permissions, name: string, level: PermissionLevel): boolean {
  // Every installation holds metadata:read; GitHub adds it to every App.
  const have = granted[name] ?? (name === 'metadata' ? 'read' : undefined);
  return have !== undefined && LEVELS.indexOf(have) >= LEVELS.indexOf(level);
}

/** 403 with `X-Accepted-GitHub-Permissions` when no accepted permission set is held. */
export function requirePermissions(principal: Principal, accepted: Permissions[] | undefined): void {
  if (!accepted || accepted.length === 0 || principal.kind === 'app') return;
  const granted = principal.token.permissions;
  const ok = accepted.some((set) => Object.entries(set).every(([name, level]) => hasLevel(granted, name, level)));
  if (!ok) {
    throw new HttpError(
      403,
      'Resource not accessible by integration',
      {},
      {
        'x-accepted-github-permissions': acceptedHeader(accepted),
      },
    );
  }
}

export function acceptedHeader(accepted: Permissions[]): string {
  return accepted
    .map((set) =>
      Object.entries(set)
        .map(([name, level]) => `${name}=${level}`)
        .join(','),
    )
    .join('; ');
}

/** The repository in the path, or 404 when it does not exist or the token cannot reach it. */
export function resolveRepo(principal: Principal, store: Store, owner: string, name: string): RepoRecord {
  const repo = store.repo(owner, name);
  if (!repo || principal.kind === 'app') throw notFound();
  if (!store.tokenRepos(principal.token).some((reachable) => reachable.id === repo.id)) throw notFound();
  return repo;
}

/** The organization in the path, or 404 unless the token's installation is on it. */
export function resolveOrg(principal: Principal, store: Store, login: string): AccountRecord {
  const org = store.account(login);
  if (!org || org.type !== 'Organization' || principal.kind === 'app') throw notFound();
  const installation = principal.installation;
  if (!installation || installation.account.toLowerCase() !== org.login.toLowerCase()) throw notFound();
  return org;
}
