import { describe, expect, it } from 'vitest';
import { crc32Base62, hasCrc32Checksum } from '../../src/detectors/checksum.js';
import type { Detector } from '../../src/detectors/detector.js';
import { makeGithubToken } from '../../src/detectors/github.js';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import type { Finding } from '../../src/types.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);

/** How a value assigned to a name looks in each kind of file the scanner meets. */
const SYNTAXES: [path: string, render: (name: string, value: string) => string][] = [
  ['.env', (n, v) => `# settings\n${n.toUpperCase()}=${v}\n`],
  ['config/app.yml', (n, v) => `service:\n  ${n}: ${v}\n`],
  ['config/app.json', (n, v) => JSON.stringify({ service: { [n]: v } }, null, 2)],
  ['src/app.ts', (n, v) => `export const ${n} = ${JSON.stringify(v)};\n`],
  ['deploy.sh', (n, v) => `#!/bin/sh\nexport ${n.toUpperCase()}='${v}'\n`],
  [
    'analysis.ipynb',
    (n, v) =>
      JSON.stringify({ cells: [{ cell_type: 'code', source: ['import os\n', `${n} = "${v}"\n`] }], nbformat: 4 }),
  ],
];

const nameFor = (d: Detector): string => d.examples.assignedTo ?? 'token';
const render = (d: Detector, value: string) => SYNTAXES.map(([path, fn]) => ({ path, text: fn(nameFor(d), value) }));
const scanText = (path: string, text: string): Finding[] => scan({ path, text, startLine: 1 });

describe('every detector', () => {
  const cases = detectors.flatMap((d) =>
    d.examples.positive(seededRng(7)).flatMap((key) => render(d, key).map((r) => ({ d, key, ...r }))),
  );

  it.each(cases.map((c) => [c.d.id, c.path, c] as const))('%s finds its positive example in %s', (_id, _path, c) => {
    const findings = scanText(c.path, c.text);
    const found = findings.find((f) => f.detector === c.d.id);
    expect(found, `${c.d.id} in ${c.path}`).toBeDefined();
    // The redacted form is a non-secret prefix, an ellipsis and at most the last 4 characters.
    const [prefix, tail] = found!.redacted.split('…') as [string, string];
    expect(tail.length).toBeLessThanOrEqual(4);
    expect(c.key).toContain(prefix);
    expect(c.key.startsWith(prefix) || prefix.length < 40).toBe(true);
    const middle = c.key.slice(prefix.length + 4, -8);
    for (const f of findings) expect(JSON.stringify(f)).not.toContain(middle.slice(0, 12));
  });

  const negatives = detectors.flatMap((d) =>
    d.examples.negative.flatMap((value) => render(d, value).map((r) => ({ d, value, ...r }))),
  );

  it.each(negatives.map((c) => [c.d.id, c.value, c.path, c] as const))(
    '%s: %j stays quiet in %s',
    (_id, _text, _path, c) => {
      expect(scanText(c.path, c.text).map((f) => f.detector)).toEqual([]);
    },
  );
});

describe('the registry', () => {
  it('holds patterns with a named secret group and the g flag, and no nested unbounded quantifiers', () => {
    for (const d of detectors) {
      expect(d.pattern.source, d.id).toContain('(?<secret>');
      expect(d.pattern.flags, d.id).toContain('g');
      expect(d.pattern.source, d.id).not.toMatch(/[*+]\)[*+{]/);
    }
  });

  it('lists unique ids, sorted, each `provider-kind`', () => {
    const ids = detectors.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a.localeCompare(b)));
    for (const d of detectors) expect(d.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)+$/);
  });

  it('gives each detector lower-case keywords, a one-sentence risk and a remediation that says where to revoke', () => {
    for (const d of detectors) {
      expect(d.keywords.length, d.id).toBeGreaterThan(0);
      for (const k of d.keywords) expect(k, d.id).toBe(k.toLowerCase());
      expect(d.risk, d.id).toMatch(/^[^.]+\.$/);
      expect(d.remediation, d.id).toMatch(/deleting the commit does not make it safe/i);
    }
  });
});

describe('checksummed tokens', () => {
  const rng = seededRng(42);

  it('accepts a generated ghp_ token and rejects it with one character flipped', () => {
    const token = makeGithubToken(
      'ghp_',
      rng.string('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 30),
    );
    expect(hasCrc32Checksum(token, 4)).toBe(true);
    const flipped = `${token.slice(0, 10)}${token[10] === 'a' ? 'b' : 'a'}${token.slice(11)}`;
    expect(hasCrc32Checksum(flipped, 4)).toBe(false);
    expect(scanText('.env', `GH=${token}`).map((f) => f.detector)).toEqual(['github-token']);
    expect(scanText('.env', `GH=${flipped}`)).toEqual([]);
  });

  it('accepts a generated npm_ token and rejects it with one character flipped', () => {
    const random = rng.string('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 30);
    const token = `npm_${random}${crc32Base62(random)}`;
    expect(hasCrc32Checksum(token, 4)).toBe(true);
    const flipped = `npm_${random.slice(0, -1)}${random.endsWith('Z') ? 'Y' : 'Z'}${crc32Base62(random)}`;
    expect(hasCrc32Checksum(flipped, 4)).toBe(false);
    expect(scanText('.npmrc', `//registry.npmjs.org/:_authToken=${token}`).map((f) => f.detector)).toEqual([
      'npm-access-token',
    ]);
  });

  it('pads the base62 checksum with leading zeros to 6 characters', () => {
    for (let i = 0; i < 200; i++) expect(crc32Base62(String(i))).toMatch(/^[0-9A-Za-z]{6}$/);
  });
});

describe('linear time', () => {
  const MB = 1_000_000;
  const lines: [string, string][] = [
    ['a', 'a'.repeat(MB)],
    ['key=', 'key='.repeat(MB / 4)],
    ['sk-', 'sk-'.repeat(MB / 3)],
    ['sk-ant-api03-', `sk-ant-api03-${'A'.repeat(MB)}`],
    ['token: "', 'token: "'.repeat(MB / 8)],
    ['password=a1', `password=${'a1'.repeat(MB / 2)}`],
    ['a_secret_', 'a_secret_'.repeat(MB / 9)],
    ['AKIA', 'AKIA'.repeat(MB / 4)],
    ['xoxb-1', `xoxb-${'1-'.repeat(MB / 2)}`],
    ['ghp_', `ghp_${'a'.repeat(MB)}`],
    ['hooks.slack.com', 'hooks.slack.com/services/T'.repeat(MB / 26)],
    ['PEM', `-----BEGIN RSA PRIVATE KEY-----\n${'A'.repeat(MB)}`],
    ['PEM headers', '-----BEGIN PRIVATE KEY-----'.repeat(MB / 27)],
    ['azure', `azure_openai ${'0a'.repeat(MB / 2)}`],
    ['T3BlbkFJ', 'T3BlbkFJ'.repeat(MB / 8)],
  ];

  it.each(lines)(
    'scans a 1 MB line of %s',
    (_name, line) => {
      const started = performance.now();
      scanText('big.txt', line);
      expect(performance.now() - started).toBeLessThan(20_000);
    },
    30_000,
  );
});

describe('the generic rule in source code', () => {
  // A bare identifier in a programming language names a variable or a type; it holds no value.
  it('leaves unquoted identifiers in code alone, and still finds quoted values and unquoted ones elsewhere', () => {
    const value = 'orgSecretsTrackedIn';
    expect(scanText('app/sweep.ts', `  const pass = ${value}(owner, repo);\n`)).toEqual([]);
    expect(scanText('app/pass.ts', `export function note(org: string, pass: OrgSecretsPass): void {}\n`)).toEqual([]);
    const secret = `${seededRng(7).string('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789', 20)}`;
    expect(scanText('app/config.ts', `const password = '${secret}';\n`).map((f) => f.detector)).toEqual([
      'generic-secret',
    ]);
    expect(scanText('deploy.sh', `PASSWORD=${secret}\n`).map((f) => f.detector)).toEqual(['generic-secret']);
    expect(scanText('app/config.py', `password = "${secret}"\n`).map((f) => f.detector)).toEqual(['generic-secret']);
  });
});
