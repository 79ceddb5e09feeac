import { getPrivateKey } from '@probot/get-private-key';

/**
 * The App's PEM private key exactly as Probot finds it (its own `@probot/get-private-key`):
 * `PRIVATE_KEY` (the PEM, with literal `\n` or on one line, or base64 of it), else the file at
 * `PRIVATE_KEY_PATH`, else the only `*.pem` in the working directory; undefined when there is none.
 * The CLI requires it; the server uses it, when there, to encrypt the ETag cache it shares through
 * Redis (app/octokit/etag-sealer.ts) — so a server Probot can start is a server whose cache is sealed.
 */
export function readPrivateKey(env: NodeJS.ProcessEnv, cwd = process.cwd()): string | undefined {
  return getPrivateKey({ env, cwd }) ?? undefined;
}
