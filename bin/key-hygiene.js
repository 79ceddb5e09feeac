#!/usr/bin/env node
// The CLI entry: the compiled engine lives in lib/ (built by `npm run build`, run on `npm ci`).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
