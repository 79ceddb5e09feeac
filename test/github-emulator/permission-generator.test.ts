import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissionTable } from '../support/github-emulator/permission-table.js';

// scripts/github-permissions.mjs reads GitHub's server-to-server permission map. The map is fed here
// in GitHub's own format, rebuilt from the committed table plus what the script must leave out.

const run = promisify(execFile);
const script = new URL('../../scripts/github-permissions.mjs', import.meta.url).pathname;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'permission-generator-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

interface Entry {
  verb: string;
  requestPath: string;
  access: string;
  'server-to-server': boolean;
  'additional-permissions': boolean;
}

/** The committed table as GitHub's data file writes it: one group per permission. */
function mapFromTable(): Record<string, { title: string; permissions: Entry[] }> {
  const map: Record<string, { title: string; permissions: Entry[] }> = {};
  const add = (permission: string, entry: Entry) =>
    (map[permission] ??= { title: permission, permissions: [] }).permissions.push(entry);
  const skipped = new Set([...permissionTable.noPermission, ...permissionTable.supplemented]);
  for (const [route, sets] of Object.entries(permissionTable.routes)) {
    if (skipped.has(route)) continue;
    const [verb = '', requestPath = ''] = route.split(' ');
    for (const set of sets) {
      for (const [permission, access] of Object.entries(set)) {
        const entry = {
          verb: verb.toLowerCase(),
          requestPath,
          access,
          'server-to-server': true,
          'additional-permissions': sets.length > 1,
        };
        add(permission, entry);
        add(permission, entry); // GitHub's file lists some entries twice
      }
    }
  }
  return map;
}

async function generate(map: unknown): Promise<{ table: typeof permissionTable.routes | null; stderr: string }> {
  const input = join(dir, 'map.json');
  const out = join(dir, 'table.json');
  await rm(out, { force: true });
  await writeFile(input, JSON.stringify(map));
  try {
    await run(process.execPath, [script, input, '--out', out]);
    return { table: (JSON.parse(await readFile(out, 'utf8')) as typeof permissionTable).routes, stderr: '' };
  } catch (error) {
    return { table: null, stderr: String((error as { stderr?: string }).stderr) };
  }
}

describe('scripts/github-permissions.mjs', () => {
  it('rebuilds the committed table from the map, ignoring user-to-server-only entries and the workflow-file permission', async () => {
    const map = mapFromTable();
    map.workflows = {
      title: 'Workflows',
      permissions: [
        {
          verb: 'put',
          requestPath: '/repos/{owner}/{repo}/contents/{path}',
          access: 'write',
          'server-to-server': true,
          'additional-permissions': true,
        },
      ],
    };
    map.administration = {
      title: 'Administration',
      permissions: [
        {
          verb: 'get',
          requestPath: '/repos/{owner}/{repo}',
          access: 'write',
          'server-to-server': false,
          'additional-permissions': false,
        },
      ],
    };
    const { table } = await generate(map);
    expect(table).toEqual(permissionTable.routes);
  });

  it('refuses to write a table when a served route is missing from the map', async () => {
    const map = mapFromTable();
    map.actions!.permissions = map.actions!.permissions.filter(
      (e) => e.requestPath !== '/repos/{owner}/{repo}/environments',
    );
    const { table, stderr } = await generate(map);
    expect(table).toBeNull();
    expect(stderr).toContain("not in GitHub's permission map: GET /repos/{owner}/{repo}/environments");
  });
});
