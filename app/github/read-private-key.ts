import { readFileSync } from 'node:fs';

/**
 * The App's PEM private key as Probot reads it: `PRIVATE_KEY` (literal `\n` allowed) or the file at
 * `PRIVATE_KEY_PATH`; undefined when neither is set. The CLI requires it; the server uses it, when
 * there, to encrypt the ETag cache it shares through Redis (app/github/etag-sealer.ts).
 */
export function readPrivateKey(env: NodeJS.ProcessEnv): string | undefined {
  return env.PRIVATE_KEY?.replace(/\\n/g, '\n') ?? (env.PRIVATE_KEY_PATH ? readFileSync(env.PRIVATE_KEY_PATH, 'utf8') : undefined);
}
