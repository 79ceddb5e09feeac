#!/usr/bin/env node
// npm run eval:real: precision of the CLI on real published code it was not tuned on.
// The packages pinned in real-code-packages.json are fetched with `npm pack`, checked against their
// pinned integrity hashes and unpacked outside the repository (KEY_HYGIENE_EVAL_CACHE, default
// ~/.cache/key-hygiene-eval). The CLI scans each one as a user would (`scan <dir> --format json
// --no-config`) and every finding is matched to real-code-labels.json by package, path, line and
// detector: the labels never hold a secret or its hash. Findings with no label are listed, so a rule
// change that finds something new shows up here.
// Usage: node scripts/eval/real-code.mjs [--json]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const CLI = fileURLToPath(new URL('../../bin/key-hygiene.js', import.meta.url));
const CACHE = process.env.KEY_HYGIENE_EVAL_CACHE ?? join(homedir(), '.cache', 'key-hygiene-eval');
/** What a finding is, in the labels file. The first two are correct finds. */
export const LABELS = ['real-leak', 'test-fixture-key', 'not-a-credential'];
const CORRECT = new Set(['real-leak', 'test-fixture-key']);

/** The label key of a finding: where it is and which rule fired, never what it holds. */
export const labelKey = (pkg, path, line, detector) => `${pkg}:${path}:${line}:${detector}`;

function readJson(name) {
  return JSON.parse(readFileSync(join(HERE, name), 'utf8'));
}

function sha512(file) {
  return `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
}

/** The tarball of one pinned package, fetched once into the cache and checked every run. */
function tarball(pkg) {
  const dir = join(CACHE, 'tarballs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`);
  if (!existsSync(file)) {
    const packed = spawnSync(
      'npm',
      ['pack', `${pkg.name}@${pkg.version}`, '--pack-destination', dir, '--ignore-scripts', '--silent'],
      { encoding: 'utf8' },
    );
    if (packed.status !== 0 || !existsSync(file))
      throw new Error(`npm pack ${pkg.name}@${pkg.version} failed: ${(packed.stderr || '').trim().split('\n').pop()}`);
  }
  const actual = sha512(file);
  if (actual !== pkg.integrity) {
    rmSync(file, { force: true });
    throw new Error(
      `${pkg.name}@${pkg.version}: integrity ${actual} is not the pinned ${pkg.integrity} (the cached tarball was removed)`,
    );
  }
  return file;
}

/** The unpacked tree of one package (the tarball's `package/` folder), made once. */
function tree(pkg) {
  const dir = join(CACHE, 'trees', `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}`);
  if (existsSync(dir)) return dir;
  const file = tarball(pkg);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const untar = spawnSync('tar', ['-xzf', file, '-C', partial, '--strip-components=1', '--no-same-owner'], {
    encoding: 'utf8',
  });
  if (untar.status !== 0) throw new Error(`tar could not unpack ${file}: ${untar.stderr.trim().split('\n').pop()}`);
  renameSync(partial, dir);
  return dir;
}

function scan(dir) {
  const run = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--no-config'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`the CLI failed on ${dir}: ${run.stderr.trim().split('\n').pop()}`);
  return JSON.parse(run.stdout);
}

/** Scores findings against labels: pure, so the test can check it without the network. */
export function score(findings, labels) {
  const byKey = new Map(labels.map((l) => [labelKey(l.package, l.path, l.line, l.detector), l]));
  const seen = new Set();
  const perDetector = new Map();
  const perProvider = new Map();
  const perConfidence = new Map();
  const noise = new Map();
  const unlabelled = [];
  const bump = (map, key, field) => {
    const row = map.get(key) ?? { findings: 0, correct: 0, wrong: 0, unlabelled: 0 };
    row.findings += 1;
    row[field] += 1;
    map.set(key, row);
  };
  for (const f of findings) {
    const key = labelKey(f.package, f.path, f.line, f.detector);
    const label = byKey.get(key);
    seen.add(key);
    const field = !label ? 'unlabelled' : CORRECT.has(label.label) ? 'correct' : 'wrong';
    bump(perDetector, f.detector, field);
    bump(perProvider, f.provider, field);
    bump(perConfidence, f.confidence ?? 'low', field);
    if (!label)
      unlabelled.push({ package: f.package, path: f.path, line: f.line, detector: f.detector, redacted: f.redacted });
    else if (!CORRECT.has(label.label)) noise.set(label.reason, (noise.get(label.reason) ?? 0) + 1);
  }
  const gone = labels.filter((l) => !seen.has(labelKey(l.package, l.path, l.line, l.detector)));
  const total = [...perProvider.values()].reduce(
    (a, r) => ({ correct: a.correct + r.correct, wrong: a.wrong + r.wrong, unlabelled: a.unlabelled + r.unlabelled }),
    { correct: 0, wrong: 0, unlabelled: 0 },
  );
  const precision = (r) => (r.correct + r.wrong ? r.correct / (r.correct + r.wrong) : null);
  return {
    findings: findings.length,
    precision: precision(total),
    correct: total.correct,
    wrong: total.wrong,
    unlabelled,
    gone,
    perDetector: Object.fromEntries([...perDetector].sort((a, b) => b[1].findings - a[1].findings)),
    perProvider: Object.fromEntries(
      [...perProvider]
        .sort((a, b) => b[1].findings - a[1].findings)
        .map(([k, r]) => [k, { ...r, precision: precision(r) }]),
    ),
    noise: Object.fromEntries([...noise].sort((a, b) => b[1] - a[1])),
    perConfidence: atEachBar(perConfidence, precision),
  };
}

const CONFIDENCES = ['high', 'medium', 'low'];

/**
 * Per confidence, its findings and their precision, and the precision a team would see at that
 * `--min-confidence` bar (the findings of that confidence and every surer one).
 */
function atEachBar(perConfidence, precision) {
  const zero = { findings: 0, correct: 0, wrong: 0, unlabelled: 0 };
  let kept = zero;
  return Object.fromEntries(
    CONFIDENCES.map((c) => {
      const own = perConfidence.get(c) ?? zero;
      kept = Object.fromEntries(Object.keys(zero).map((k) => [k, kept[k] + own[k]]));
      return [c, { ...own, precision: precision(own), atBar: { ...kept, precision: precision(kept) } }];
    }),
  );
}

function checkLabels(labels) {
  for (const l of labels) {
    if (!LABELS.includes(l.label))
      throw new Error(`label '${l.label}' at ${l.package}:${l.path}:${l.line} is not one of ${LABELS.join(', ')}`);
    if (typeof l.reason !== 'string' || !/^[a-z-]+$/.test(l.reason))
      throw new Error(`reason at ${l.package}:${l.path}:${l.line} must be one lower-case word`);
  }
}

const pct = (x) => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);

function print(result, packages, files) {
  const out = [];
  out.push(
    `Real-code precision set: ${packages.length} pinned npm packages, ${files} files, ${result.findings} findings.`,
  );
  out.push(
    `Precision (credentials or credential-shaped fixtures / labelled findings): ${pct(result.precision)} (${result.correct} of ${result.correct + result.wrong})`,
  );
  out.push('', 'per provider        findings  correct  wrong  unlabelled  precision');
  for (const [p, r] of Object.entries(result.perProvider))
    out.push(
      `  ${p.padEnd(18)}${String(r.findings).padStart(8)}${String(r.correct).padStart(9)}${String(r.wrong).padStart(7)}${String(r.unlabelled).padStart(12)}     ${pct(r.precision)}`,
    );
  out.push('', 'per confidence      findings  correct  wrong  unlabelled  precision  at --min-confidence');
  for (const [c, r] of Object.entries(result.perConfidence))
    out.push(
      `  ${c.padEnd(18)}${String(r.findings).padStart(8)}${String(r.correct).padStart(9)}${String(r.wrong).padStart(7)}${String(r.unlabelled).padStart(12)}     ${pct(r.precision)}     ${pct(r.atBar.precision)} of ${r.atBar.findings}`,
    );
  out.push('', 'per detector                 findings  correct  wrong  unlabelled');
  for (const [d, r] of Object.entries(result.perDetector))
    out.push(
      `  ${d.padEnd(27)}${String(r.findings).padStart(8)}${String(r.correct).padStart(9)}${String(r.wrong).padStart(7)}${String(r.unlabelled).padStart(12)}`,
    );
  out.push('', 'noise classes (not-a-credential findings by reason)');
  for (const [reason, n] of Object.entries(result.noise)) out.push(`  ${reason.padEnd(18)}${String(n).padStart(4)}`);
  out.push(
    '',
    `unlabelled findings (new since the labels were written; label them in scripts/eval/real-code-labels.json): ${result.unlabelled.length}`,
  );
  for (const u of result.unlabelled)
    out.push(
      `  { "package": "${u.package}", "path": ${JSON.stringify(u.path)}, "line": ${u.line}, "detector": "${u.detector}", "label": "?", "reason": "?" }`,
    );
  out.push('', `labelled findings no longer reported: ${result.gone.length}`);
  for (const g of result.gone) out.push(`  ${g.package}:${g.path}:${g.line} ${g.detector} (${g.label}, ${g.reason})`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main() {
  const { packages } = readJson('real-code-packages.json');
  const { labels } = readJson('real-code-labels.json');
  checkLabels(labels);
  const findings = [];
  let files = 0;
  for (const pkg of packages) {
    const report = scan(tree(pkg));
    files += report.stats.files;
    for (const f of report.findings) findings.push({ ...f, package: `${pkg.name}@${pkg.version}` });
  }
  const result = score(findings, labels);
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ files, ...result }, null, 2)}\n`);
  else print(result, packages, files);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`eval:real: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
