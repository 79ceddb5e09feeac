#!/usr/bin/env node
// The CLI entry. `npm run build` (run on `npm ci`) compiles the engine to lib/ and bundles the CLI
// into one file, lib/cli-bundle/: a pre-commit hook starts this process on every commit, and loading
// one file takes a fraction of the time of loading the hundreds of modules lib/ holds (the bench's
// `scan --staged` row). lib/cli.js is the same code, used when the bundle was not made.
import { existsSync } from 'node:fs';

const bundle = new URL('../lib/cli-bundle/index.js', import.meta.url);
const { main } = await import(existsSync(bundle) ? bundle.href : '../lib/cli.js');
process.exitCode = await main(process.argv.slice(2));
