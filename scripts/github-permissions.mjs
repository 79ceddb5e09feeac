#!/usr/bin/env node
// Turns GitHub's server-to-server permission map into the table the local GitHub emulator enforces,
// test/support/github-emulator/github-permissions.json: for every route the emulator serves (the
// operations of openapi-subset.json), the permission sets an installation token may hold to use it.
//
// The map is data in GitHub's docs repository (github/docs), one group per App permission, each entry
// `{ verb, requestPath, access, "server-to-server", "additional-permissions" }`. Regenerate with:
//
//   curl -fsSL -o /tmp/server-to-server-permissions.json \
//     https://raw.githubusercontent.com/github/docs/main/src/github-apps/data/fpt-2022-11-28/server-to-server-permissions.json
//   node scripts/github-permissions.mjs /tmp/server-to-server-permissions.json
//
// Reading the map:
// - A route listed under several permissions is accepted with any one of them (environment secrets:
//   Environments or Secrets; issue comments: Issues or Pull requests).
// - `additional-permissions: true` marks, in GitHub's words, endpoints that "require more than one
//   permission" and endpoints that "work with any one permission from a set": the flag does not say
//   which. Each permission is accepted alone unless ALSO_NEEDS below says otherwise.
// - `workflows` on a contents or ref write is needed only when the write touches a workflow file, so it
//   is left out here and the route checks it (routes/contents-write.ts).
// https://docs.github.com/rest/authentication/permissions-required-for-github-apps
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const subsetPath = join(root, 'test/support/github-emulator/openapi-subset.json');
const defaultOut = join(root, 'test/support/github-emulator/github-permissions.json');
const SOURCE = 'github/docs src/github-apps/data/fpt-2022-11-28/server-to-server-permissions.json';

/** App routes authenticate with the App's JWT, not a token with permissions. */
const isJwtRoute = (route) => /^\S+ \/app(\/|$)/.test(route) || route.endsWith('/installation');

/**
 * Routes GitHub's REST reference documents as needing no permission ("does not require any
 * permissions"): they answer any installation token.
 */
const NO_PERMISSION = ['GET /installation/repositories', 'GET /orgs/{org}', 'GET /rate_limit', 'GET /users/{username}'];

/**
 * Routes whose REST reference page names a permission the map leaves out ("List team members",
 * "Get team membership for a user": the "Members" organization permission, read).
 */
const SUPPLEMENT = {
  'GET /orgs/{org}/teams/{team_slug}/members': [{ members: 'read' }],
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}': [{ members: 'read' }],
};

/** Permissions needed together with another one the map lists for the same route; none today. */
const ALSO_NEEDS = {};

/** Needed only for workflow files; the route checks it (see the header). */
const CONDITIONAL = new Set(['workflows']);

function servedRoutes() {
  const subset = JSON.parse(readFileSync(subsetPath, 'utf8'));
  return Object.entries(subset.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
  );
}

/** Route → `{ permission, access }` entries from the map, for the routes in `wanted`. */
function collect(map, wanted) {
  const found = new Map();
  for (const [permission, group] of Object.entries(map)) {
    for (const entry of group.permissions ?? []) {
      if (!entry['server-to-server']) continue;
      const route = `${entry.verb.toUpperCase()} ${entry.requestPath}`;
      if (!wanted.has(route) || CONDITIONAL.has(permission)) continue;
      const list = found.get(route) ?? [];
      if (!list.some((e) => e.permission === permission && e.access === entry.access))
        list.push({ permission, access: entry.access });
      found.set(route, list);
    }
  }
  return found;
}

function acceptedSets(route, entries) {
  const also = ALSO_NEEDS[route] ?? {};
  return entries
    .map(({ permission, access }) => ({ [permission]: access, ...also }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const [input, flag, outArg] = process.argv.slice(2);
if (!input || (flag !== undefined && (flag !== '--out' || !outArg))) {
  console.error('usage: node scripts/github-permissions.mjs <server-to-server-permissions.json> [--out <table.json>]');
  process.exit(2);
}
const outPath = outArg ?? defaultOut;
const map = JSON.parse(readFileSync(input, 'utf8'));
const routes = servedRoutes().filter((route) => !isJwtRoute(route));
const found = collect(map, new Set(routes));
const table = {};
const missing = [];
for (const route of routes.sort()) {
  if (NO_PERMISSION.includes(route)) table[route] = [];
  else if (SUPPLEMENT[route]) table[route] = SUPPLEMENT[route];
  else if (found.has(route)) table[route] = acceptedSets(route, found.get(route));
  else missing.push(route);
}
if (missing.length > 0) {
  console.error(
    `not in GitHub's permission map: ${missing.join(', ')} — add each to NO_PERMISSION or SUPPLEMENT with the reference page that says so`,
  );
  process.exit(1);
}
const out = {
  '//': [
    `GENERATED by scripts/github-permissions.mjs from ${SOURCE} — do not edit by hand.`,
    'Regenerate: curl the raw file from github/docs, then run the script on it (see its header).',
    'Each route lists the permission sets GitHub accepts (any one set; every entry of a set); [] needs none.',
  ],
  noPermission: NO_PERMISSION,
  supplemented: Object.keys(SUPPLEMENT),
  routes: table,
};
// One route per line, so a diff shows which route's permissions changed.
const lines = Object.entries(table).map(([route, sets]) => `  ${JSON.stringify(route)}: ${JSON.stringify(sets)}`);
const head = JSON.stringify({ ...out, routes: undefined }, null, 1).replace(/\n}$/, '');
writeFileSync(outPath, `${head},\n "routes": {\n${lines.join(',\n')}\n }\n}\n`);
console.log(`wrote ${outPath}: ${Object.keys(table).length} routes`);
