import data from './github-permissions.json' with { type: 'json' };
import type { Route } from './router.js';
import type { Permissions } from './types.js';

interface PermissionTable {
  noPermission: string[];
  supplemented: string[];
  routes: Record<string, Permissions[]>;
}

/**
 * GitHub's server-to-server permission map for the routes the emulator serves, generated from GitHub's
 * published data by scripts/github-permissions.mjs (its header says how to regenerate it).
 */
// Imported, not read from disk: tsc copies the file next to the compiled emulator (the demo, the bench).
export const permissionTable = data as unknown as PermissionTable;

export const routeKey = (route: Pick<Route, 'method' | 'path'>): string => `${route.method} ${route.path}`;

/**
 * The permission sets GitHub accepts for a token route (any one set; `[]`: none needed), or undefined
 * when the table has no entry — the pipeline then refuses the request rather than let it through.
 */
export function acceptedPermissions(route: Pick<Route, 'method' | 'path'>): Permissions[] | undefined {
  return permissionTable.routes[routeKey(route)];
}
