#!/usr/bin/env node
// The App's commands besides its server: `sweep --once`, `worker`, `dead-letters`. Built by `npm run build:app`.
import { main } from '../lib-app/app/cli/main.js';

process.exitCode = await main(process.argv.slice(2), process.env);
// With REDIS_URL, Probot's throttling holds a Redis connection it offers no way to close: leave once done.
process.exit();
