#!/usr/bin/env node
// npm run eval:recall: recall of the CLI on keys generated from vendors' documented formats, written
// into the places keys leak from, and its false-positive rate on the noise of docs and templates.
// Cases are made from a seed at run time (recall-cases.mjs), written to a temp folder outside the
// repository, scanned in one CLI run (`scan <dir> --format json --no-config`) and dropped.
// Usage: node scripts/eval/recall.mjs [--seed N] [--json] [--keep DIR]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCases } from './recall-cases.mjs';

const CLI = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** True when `dir` lies inside the repository (cases there would be live-looking keys in a work tree). */
function insideRepository(dir) {
  const real = (p) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(REPO), real(dir));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}

/** Writes each case to `<dir>/<case id>/<path>`; refuses any folder inside the repository. */
export function writeCases(dir, cases) {
  if (insideRepository(dir)) throw new Error(`refusing to write generated keys inside the repository (${dir})`);
  for (const c of cases) {
    const file = join(dir, c.id, c.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, c.text);
  }
}

/** Scores a report against the cases: a case is flagged when any finding lies in its folder. */
export function score(cases, findings) {
  const flagged = new Map();
  // Per case, the surest confidence among its findings: what `--min-confidence` would keep of it.
  const surest = new Map();
  for (const f of findings) {
    const id = f.path.split('/')[0];
    flagged.set(id, [...(flagged.get(id) ?? []), f.detector]);
    const rank = CONFIDENCES.indexOf(f.confidence ?? 'low');
    surest.set(id, Math.min(surest.get(id) ?? rank, rank));
  }
  // `detail` names what a missed case was (its context under a provider row, its provider under a context row).
  const rows = (key, wanted, detail = (c) => c.context) => {
    const out = new Map();
    for (const c of cases.filter((x) => x.expect === wanted)) {
      const k = key(c);
      const row = out.get(k) ?? { cases: 0, flagged: 0, missed: [] };
      row.cases += 1;
      if (flagged.has(c.id)) row.flagged += 1;
      else row.missed.push(detail(c));
      out.set(k, row);
    }
    return Object.fromEntries([...out].sort((a, b) => a[0].localeCompare(b[0])));
  };
  const positives = cases.filter((c) => c.expect === 'leak');
  const negatives = cases.filter((c) => c.expect === 'clean');
  const found = positives.filter((c) => flagged.has(c.id)).length;
  const falsePositives = negatives.filter((c) => flagged.has(c.id));
  return {
    positives: positives.length,
    found,
    recall: positives.length ? found / positives.length : null,
    negatives: negatives.length,
    falsePositives: falsePositives.map((c) => ({ id: c.id, detectors: flagged.get(c.id) })),
    falsePositiveRate: negatives.length ? falsePositives.length / negatives.length : null,
    perProvider: rows((c) => c.provider, 'leak'),
    perKind: rows(
      (c) => c.kind,
      'leak',
      (c) => c.provider,
    ),
    perFormat: rows(
      (c) => c.format,
      'leak',
      (c) => c.provider,
    ),
    perContext: rows(
      (c) => c.context,
      'leak',
      (c) => c.provider,
    ),
    perNoise: rows((c) => c.kind, 'clean'),
    missed: positives.filter((c) => !flagged.has(c.id)).map((c) => c.id),
    perConfidence: atEachBar(positives, negatives, surest),
  };
}

const CONFIDENCES = ['high', 'medium', 'low'];

/**
 * Recall, false-positive rate and precision (flagged keys / flagged cases) at each `--min-confidence`
 * bar: a case counts as flagged at a bar when one of its findings is at least that sure.
 */
function atEachBar(positives, negatives, surest) {
  const clears = (c, bar) => surest.has(c.id) && surest.get(c.id) <= CONFIDENCES.indexOf(bar);
  return Object.fromEntries(
    CONFIDENCES.map((bar) => {
      const found = positives.filter((c) => clears(c, bar)).length;
      const falsePositives = negatives.filter((c) => clears(c, bar)).length;
      return [
        bar,
        {
          found,
          recall: positives.length ? found / positives.length : null,
          falsePositives,
          falsePositiveRate: negatives.length ? falsePositives / negatives.length : null,
          precision: found + falsePositives ? found / (found + falsePositives) : null,
        },
      ];
    }),
  );
}

const pct = (a, b) => (b ? `${((a / b) * 100).toFixed(0).padStart(3)}%` : ' n/a');

function print(result, seed) {
  const out = [`Recall set (seed ${seed}): ${result.positives} generated keys, ${result.negatives} noise cases.`];
  out.push(
    `Recall: ${pct(result.found, result.positives)} (${result.found} of ${result.positives})   false-positive rate on noise: ${pct(result.falsePositives.length, result.negatives)} (${result.falsePositives.length} of ${result.negatives})`,
  );
  const table = (title, rows, what) => {
    out.push('', `${title.padEnd(26)}cases  ${what}`);
    for (const [k, r] of Object.entries(rows))
      out.push(
        `  ${k.padEnd(24)}${String(r.cases).padStart(5)}  ${pct(r.flagged, r.cases)}${r.missed.length && what === 'found' ? `   missed in: ${[...new Set(r.missed)].join(', ')}` : ''}`,
      );
  };
  const unlisted = result.perProvider.unlisted;
  if (unlisted)
    out.push(
      `Vendors we don't name (generic rules only): ${pct(unlisted.flagged, unlisted.cases)} (${unlisted.flagged} of ${unlisted.cases})`,
    );
  table('per provider', result.perProvider, 'found');
  table('per kind', result.perKind, 'found');
  table('per format source', result.perFormat, 'found');
  table('per context', result.perContext, 'found');
  table('noise by kind', result.perNoise, 'flagged');
  out.push('', 'at --min-confidence         recall  false-positive rate  precision');
  for (const [bar, r] of Object.entries(result.perConfidence))
    out.push(
      `  ${bar.padEnd(24)}${pct(r.found, result.positives)}   ${pct(r.falsePositives, result.negatives).padStart(18)}  ${pct(r.found, r.found + r.falsePositives).padStart(9)}`,
    );
  out.push('', 'noise cases flagged:');
  for (const f of result.falsePositives) out.push(`  ${f.id}: ${[...new Set(f.detectors)].join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function main() {
  const arg = (name) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const seed = Number(arg('--seed') ?? 1);
  if (!Number.isSafeInteger(seed)) throw new Error('--seed takes an integer');
  const keep = arg('--keep');
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'key-hygiene-recall-'));
  try {
    const cases = makeCases(seed);
    if (keep) rmSync(dir, { recursive: true, force: true });
    writeCases(dir, cases);
    const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--no-config'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0 && run.status !== 1) throw new Error(`the CLI failed: ${run.stderr.trim().split('\n').pop()}`);
    const result = score(cases, JSON.parse(run.stdout).findings);
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ seed, ...result }, null, 2)}\n`);
    else print(result, seed);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`eval:recall: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
