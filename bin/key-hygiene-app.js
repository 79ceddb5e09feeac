#!/usr/bin/env node
// The App's one-shot front: `key-hygiene-app sweep --once`. Built by `npm run build:app`.
import { main } from '../lib-app/app/cli/main.js';

process.exitCode = await main(process.argv.slice(2), process.env);
