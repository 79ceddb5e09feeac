// The sweep action's entry point, bundled into sweep/dist/index.js by `npm run bundle:sweep`: the App's
// own `key-hygiene-app sweep --once` (app/cli/main.ts), its failures as error annotations.
import '../src/policy/re2js-bundled.js';
import * as core from '@actions/core';
import { main } from '../app/cli/main.js';
import { readSweepInputs } from './read-sweep-inputs.js';
import { oneLineError } from '../src/one-line-error.js';

try {
  const { argv, env } = readSweepInputs(process.env);
  if (env.PRIVATE_KEY) core.setSecret(env.PRIVATE_KEY);
  const err = {
    write: (text: string) =>
      text
        .trimEnd()
        .split('\n')
        .forEach((line) => core.error(line)),
  };
  process.exitCode = await main(argv, env, { err });
} catch (error) {
  core.setFailed(oneLineError(error));
}
// With REDIS_URL, Probot's throttling holds a Redis connection it offers no way to close (bin/key-hygiene-app.js).
process.exit();
