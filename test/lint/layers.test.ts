import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

// The real config (what `npm run lint` runs) over small trees laid out like the repository, in a temp
// folder: each planted crossing is reported as the rule named for it, and a tree that keeps to the
// layers passes.
const CONFIG = resolve(dirname(fileURLToPath(import.meta.url)), '../../.dependency-cruiser.cjs');
const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
});

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kh-layers-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/**
 * Writes the files (each imports the paths listed, relative to the tree's root, or has the text given)
 * and cruises the tree.
 */
async function violations(name: string, files: Record<string, string[] | string>): Promise<string[]> {
  const tree = join(root, name);
  await writeFile(join(await mkdirp(tree), 'tsconfig.json'), TSCONFIG);
  for (const [path, imports] of Object.entries(files)) {
    const lines =
      typeof imports === 'string'
        ? [imports]
        : imports.map((to, i) => `import { x as x${i} } from '${relativeImport(path, to)}';`);
    await mkdirp(dirname(join(tree, path)));
    await writeFile(join(tree, path), [...lines, 'export const x = 1;', ''].join('\n'));
  }
  const options = await extractDepcruiseOptions(CONFIG);
  const roots = [...new Set(Object.keys(files).map((path) => path.split('/')[0]!))];
  const result = await cruise(
    roots,
    { ...options, baseDir: tree, validate: true, tsConfig: { fileName: join(tree, 'tsconfig.json') } },
    undefined,
    { tsConfig: extractTSConfig(join(tree, 'tsconfig.json')) },
  );
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

async function mkdirp(dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  return dir;
}

function relativeImport(from: string, to: string): string {
  const up = from.split('/').length - 1;
  return `${up ? '../'.repeat(up) : './'}${to.replace(/\.ts$/, '.js')}`;
}

describe('layers in npm run lint', () => {
  it('passes a tree that keeps to the layers (adapters over src/, folders in order, tests import anything)', async () => {
    expect(
      await violations('clean', {
        'src/types.ts': ['src/providers/registry.ts'],
        'src/providers/registry.ts': [],
        'src/detectors/a.ts': ['src/types.ts', 'src/providers/registry.ts', 'src/policy/config-regex.ts'],
        'src/policy/config-regex.ts': [],
        'src/policy/config-schema.ts': ['src/detectors/a.ts'],
        'src/scan/b.ts': ['src/detectors/a.ts', 'src/sources/s.ts'],
        'src/sources/s.ts': ['src/types.ts'],
        'src/report/r.ts': ['src/scan/b.ts'],
        'src/tracking/t.ts': ['src/report/r.ts', 'src/onboarding/o.ts'],
        'src/onboarding/o.ts': ['src/report/r.ts'],
        'src/cli.ts': ['src/tracking/t.ts', 'src/cli/args.ts'],
        'src/cli/args.ts': ['src/scan/b.ts'],
        'app/y.ts': ['src/tracking/t.ts'],
        'action/z.ts': ['src/report/r.ts'],
        'test/support/github-emulator/emulator.ts': [],
        'test/t.test.ts': ['app/y.ts', 'action/z.ts', 'test/support/github-emulator/emulator.ts'],
      }),
    ).toEqual([]);
  });

  it('reports each planted crossing as the rule named for it', async () => {
    expect(
      await violations('crossings', {
        'src/detectors/a.ts': ['src/scan/b.ts'],
        'src/scan/b.ts': [],
        'src/x.ts': ['app/y.ts'],
        'app/y.ts': ['action/z.ts'],
        'action/z.ts': ['app/w.ts'],
        'app/w.ts': [],
        'src/report/r.ts': ['src/tracking/t.ts', 'src/onboarding/o.ts'],
        'src/tracking/t.ts': [],
        'src/onboarding/o.ts': [],
        'src/policy/p.ts': ['src/inventory/i.ts'],
        'src/inventory/i.ts': [],
        'src/sources/s.ts': ['src/cli.ts'],
        'src/cli.ts': [],
        'src/version.ts': ['src/scan/b.ts'],
        'app/e.ts': ['test/support/github-emulator/emulator.ts'],
        'test/support/github-emulator/emulator.ts': [],
        'app/one.ts': ['app/two.ts'],
        'app/two.ts': ['app/one.ts'],
        'app/octokit/c.ts': ['app/sweep/s.ts'],
        'app/sweep/s.ts': ['app/index.ts'],
        'app/index.ts': [],
        'src/tracking/m.ts': ['src/tracking/incidents/i.ts'],
        'src/tracking/incidents/i.ts': ['src/tracking/dashboard/d.ts'],
        'src/tracking/dashboard/d.ts': [],
      }),
    ).toEqual(
      [
        'action-not-app: action/z.ts → app/w.ts',
        'app-layer-octokit: app/octokit/c.ts → app/sweep/s.ts',
        'app-not-action: app/y.ts → action/z.ts',
        'app-root-composition: app/sweep/s.ts → app/index.ts',
        'tracking-layer-incidents: src/tracking/incidents/i.ts → src/tracking/dashboard/d.ts',
        'tracking-shared-files: src/tracking/m.ts → src/tracking/incidents/i.ts',
        'detectors-not-scan: src/detectors/a.ts → src/scan/b.ts',
        'no-circular: app/one.ts → app/two.ts',
        'product-not-tests: app/e.ts → test/support/github-emulator/emulator.ts',
        'report-not-onboarding: src/report/r.ts → src/onboarding/o.ts',
        'report-not-tracking: src/report/r.ts → src/tracking/t.ts',
        'src-layer-policy: src/policy/p.ts → src/inventory/i.ts',
        'src-layer-sources: src/sources/s.ts → src/cli.ts',
        'src-not-adapters: src/x.ts → app/y.ts',
        'src-shared-files: src/version.ts → src/scan/b.ts',
      ].sort(),
    );
  });

  it('counts a type-only import: a layer crossed only by a type is still crossed', async () => {
    expect(
      await violations('type-only', {
        'src/scan/b.ts': 'export type B = string;',
        'src/detectors/a.ts': "import type { B } from '../scan/b.js';\nexport const a: B = '';",
      }),
    ).toEqual(['detectors-not-scan: src/detectors/a.ts → src/scan/b.ts']);
  });
});
