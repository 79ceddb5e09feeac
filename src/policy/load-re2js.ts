import { createRequire } from 'node:module';

type Re2jsModule = typeof import('re2js');

// RE2JS is a large module and most scans use no config regex or path glob, so the CLI loads it on
// first use rather than at start-up (a pre-commit hook starts a process on every commit); its
// CommonJS build is the same code as its ES module one. A bundle (the Action's dist/, the sweep's)
// has no node_modules to require from: its entry imports `./re2js-bundled.js`, which provides it.
let loaded: Re2jsModule | undefined;

/** The re2js module, loaded once on first call. */
export function re2js(): Re2jsModule {
  return (loaded ??= createRequire(import.meta.url)('re2js') as Re2jsModule);
}

/** Gives re2js to `re2js()` ahead of time (the bundles' entries, through re2js-bundled.ts). */
export function provideRe2js(module: Re2jsModule): void {
  loaded = module;
}
