import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVAL = join(ROOT, 'scripts', 'eval');

interface Case {
  id: string;
  provider: string;
  kind: string;
  format?: string;
  context: string;
  path: string;
  text: string;
  expect: 'leak' | 'clean';
  source: string;
}
interface Label {
  package: string;
  path: string;
  line: number;
  detector: string;
  label: string;
  reason: string;
}
interface Finding {
  package: string;
  path: string;
  line: number;
  detector: string;
  provider: string;
  redacted: string;
}

const casesModule = async () => (await import(join(EVAL, 'recall-cases.mjs'))) as { makeCases(seed?: number): Case[] };
const recallModule = async () =>
  (await import(join(EVAL, 'recall.mjs'))) as { writeCases(dir: string, cases: Case[]): void };
const realModule = async () =>
  (await import(join(EVAL, 'real-code.mjs'))) as {
    score(
      findings: Finding[],
      labels: Label[],
    ): { precision: number | null; unlabelled: unknown[]; gone: Label[]; noise: Record<string, number> } & {
      perConfidence: Record<string, { findings: number; precision: number | null; atBar: { findings: number } }>;
    };
  };
const recallScore = async () =>
  (await import(join(EVAL, 'recall.mjs'))) as {
    score(
      cases: { id: string; expect: string }[],
      findings: { path: string; detector: string; confidence?: string }[],
    ): { perConfidence: Record<string, { found: number; recall: number | null; falsePositives: number }> };
  };

describe('recall set generators', () => {
  it('makes the same cases from the same seed and different keys from another seed', async () => {
    const { makeCases } = await casesModule();
    expect(makeCases(7)).toEqual(makeCases(7));
    const other = makeCases(8);
    const leaks = makeCases(7).filter((c) => c.expect === 'leak');
    expect(leaks.length).toBeGreaterThan(100);
    expect(leaks.filter((c, i) => c.text === other[i]!.text).length).toBe(0);
  });

  it('gives every case a source, a label and a path that stays inside its folder', async () => {
    const { makeCases } = await casesModule();
    const cases = makeCases(1);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.source.length).toBeGreaterThan(10);
      expect(['leak', 'clean']).toContain(c.expect);
      if (c.expect === 'leak') expect(['documented', 'documented-prefix', 'observed', 'name-only']).toContain(c.format);
      expect(c.path.startsWith('/') || c.path.split('/').includes('..')).toBe(false);
    }
    expect(cases.some((c) => c.expect === 'clean')).toBe(true);
  });

  it('refuses to write generated keys into the repository', async () => {
    const { makeCases } = await casesModule();
    const { writeCases } = await recallModule();
    const inside = join(ROOT, 'scripts', 'eval', 'generated-cases');
    expect(() => writeCases(inside, makeCases(1))).toThrow(/inside the repository/);
    expect(existsSync(inside)).toBe(false);
    const run = spawnSync(process.execPath, [join(EVAL, 'recall.mjs'), '--keep', join(ROOT, 'eval-cases')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to write generated keys inside the repository/);
    expect(existsSync(join(ROOT, 'eval-cases'))).toBe(false);
  });

  it('scans the generated cases in a temp folder and leaves nothing behind', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'recall-run-'));
    try {
      const run = spawnSync(process.execPath, [join(EVAL, 'recall.mjs'), '--json'], {
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp },
      });
      expect(run.status, run.stderr).toBe(0);
      const result = JSON.parse(run.stdout) as { positives: number; found: number; negatives: number };
      expect(result.positives).toBeGreaterThan(100);
      expect(result.found).toBeGreaterThan(0);
      expect(result.negatives).toBeGreaterThan(10);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('real-code precision set', () => {
  it('labels findings by place and rule only, with a known label and a one-word reason', () => {
    const { labels } = JSON.parse(readFileSync(join(EVAL, 'real-code-labels.json'), 'utf8')) as { labels: Label[] };
    expect(labels.length).toBeGreaterThan(0);
    for (const l of labels) {
      expect(Object.keys(l).sort()).toEqual(['detector', 'label', 'line', 'note', 'package', 'path', 'reason']);
      expect(['real-leak', 'test-fixture-key', 'not-a-credential']).toContain(l.label);
      expect(l.reason).toMatch(/^[a-z-]+$/);
    }
    const { packages } = JSON.parse(readFileSync(join(EVAL, 'real-code-packages.json'), 'utf8')) as {
      packages: { name: string; version: string; integrity: string }[];
    };
    const pinned = new Set(packages.map((p) => `${p.name}@${p.version}`));
    for (const l of labels) expect(pinned.has(l.package)).toBe(true);
    for (const p of packages) expect(p.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('scores correct finds, noise, new findings and findings no longer reported', async () => {
    const { score } = await realModule();
    const at = (path: string, line: number) => ({
      package: 'p@1.0.0',
      path,
      line,
      detector: 'generic-secret',
      provider: 'generic',
      redacted: '…',
    });
    const labels: Label[] = [
      { ...at('a.yml', 1), label: 'real-leak', reason: 'default-key' },
      { ...at('b.json', 2), label: 'not-a-credential', reason: 'translation' },
      { ...at('c.md', 3), label: 'test-fixture-key', reason: 'fixture' },
      { ...at('gone.md', 4), label: 'not-a-credential', reason: 'filler' },
    ];
    const result = score([at('a.yml', 1), at('b.json', 2), at('c.md', 3), at('new.env', 9)], labels);
    expect(result.precision).toBeCloseTo(2 / 3);
    expect(result.noise).toEqual({ translation: 1 });
    expect(result.unlabelled).toEqual([
      { package: 'p@1.0.0', path: 'new.env', line: 9, detector: 'generic-secret', redacted: '…' },
    ]);
    expect(result.gone.map((g) => g.path)).toEqual(['gone.md']);
    // Findings from a CLI before confidences count as low: every one is kept at the low bar only.
    expect(result.perConfidence.low).toMatchObject({ findings: 4, atBar: { findings: 4 } });
    expect(result.perConfidence.low!.precision).toBeCloseTo(2 / 3);
    expect(result.perConfidence.high).toMatchObject({ findings: 0, precision: null, atBar: { findings: 0 } });
  });

  it('scores recall and false positives at each --min-confidence bar by the surest finding of a case', async () => {
    const { score } = await recallScore();
    const cases = ['k1', 'k2', 'k3'].map((id) => ({ id, expect: 'leak' })).concat([{ id: 'n1', expect: 'clean' }]);
    const at = (id: string, confidence: string) => ({ path: `${id}/a.env`, detector: 'd', confidence });
    const result = score(cases, [at('k1', 'high'), at('k1', 'low'), at('k2', 'medium'), at('n1', 'low')]);
    expect(result.perConfidence.high).toMatchObject({ found: 1, recall: 1 / 3, falsePositives: 0 });
    expect(result.perConfidence.medium).toMatchObject({ found: 2, falsePositives: 0 });
    expect(result.perConfidence.low).toMatchObject({ found: 2, falsePositives: 1 });
  });
});
