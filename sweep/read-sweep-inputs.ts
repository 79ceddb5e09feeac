/** What the sweep action hands `key-hygiene-app`: its arguments and its environment. */
export interface SweepCommand {
  argv: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The action's inputs, as the runner passes them (`INPUT_<NAME>`, the name upper-cased), turned into
 * the command line and environment `key-hygiene-app sweep --once` reads (app/cli/main.ts): `app-id`
 * and `private-key` become APP_ID and PRIVATE_KEY, or those already in the step's env are kept.
 */
export function readSweepInputs(env: NodeJS.ProcessEnv): SweepCommand {
  const input = (name: string) => (env[`INPUT_${name.toUpperCase()}`] ?? '').trim();
  const dryRun = input('dry-run').toLowerCase() || 'false';
  if (dryRun !== 'true' && dryRun !== 'false')
    throw new Error(`input dry-run is "${input('dry-run')}": expected true or false`);
  const appId = input('app-id');
  const privateKey = input('private-key');
  return {
    argv: ['sweep', '--once', ...(dryRun === 'true' ? ['--dry-run'] : [])],
    env: { ...env, ...(appId && { APP_ID: appId }), ...(privateKey && { PRIVATE_KEY: privateKey }) },
  };
}
