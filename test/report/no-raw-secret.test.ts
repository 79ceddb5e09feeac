import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { renderJson } from '../../src/report/render-json.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderSarif } from '../../src/report/render-sarif.js';
import { renderText } from '../../src/report/render-text.js';
import { confidenceOf } from '../../src/detectors/confidence-of.js';
import { fingerprintSecret } from '../../src/scan/fingerprint.js';
import { redact } from '../../src/scan/redact.js';
import type { Finding, ScanResult } from '../../src/types.js';
import { seededRng } from '../support/seeded-rng.js';

// Every built-in detector's generated keys, made into findings the way the scanner makes them, and
// — the case a bug upstream would cause — the same findings still carrying the raw value.
const rng = seededRng(20240501);
// Some examples are a whole line (`curl -u user:pass …`): the secret is what the pattern's group takes.
const secretIn = (d: (typeof detectors)[number], example: string): string => {
  d.pattern.lastIndex = 0;
  return d.pattern.exec(example)?.groups?.secret ?? example;
};
const secrets = detectors.flatMap((d) =>
  d.examples.positive(rng).map((example) => ({ d, secret: secretIn(d, example) })),
);

const findings: Finding[] = secrets.map(({ d, secret }, i) => ({
  detector: d.id,
  provider: d.provider,
  keyKind: d.keyKind,
  severity: d.severity,
  confidence: confidenceOf(d),
  path: `leaks/file ${i}.env`,
  line: i + 1,
  column: 5,
  endColumn: 5 + secret.length,
  commit: '0123456789abcdef0123456789abcdef01234567',
  author: 'Test Author',
  fingerprint: fingerprintSecret(d.id, secret),
  redacted: redact(secret, d.redactPrefix?.(secret) ?? ''),
}));
const leaky = findings.map((f, i) => ({ ...f, secret: secrets[i]!.secret, raw: secrets[i]!.secret }) as Finding);

function outputsOf(result: ScanResult): [string, string][] {
  return [
    ['text', renderText(result, { color: false, detectors })],
    ['text (colour)', renderText(result, { color: true, detectors })],
    ['json', renderJson(result)],
    ['sarif', renderSarif(result, { detectors, toolVersion: '0.0.0-test' })],
    [
      'markdown',
      renderMarkdown(result, {
        detectors,
        scanned: 'test',
        repositoryUrl: 'https://github.com/acme/app',
        commit: '0'.repeat(40),
      }),
    ],
  ];
}

/** Every 8-character piece of the secret's hidden part: no output may show even part of it. */
function hiddenPieces(secret: string, redacted: string): string[] {
  const prefix = redacted.slice(0, redacted.indexOf('…'));
  const hidden = secret.slice(prefix.length, -4);
  return Array.from({ length: Math.max(0, hidden.length - 7) }, (_, i) => hidden.slice(i, i + 8));
}

describe('no reporter prints a raw secret', () => {
  it('has generated keys to check', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(detectors.length);
  });

  it.each([
    ['redacted findings', findings],
    ['findings that still carry the raw value', leaky],
  ])('%s', (_name, list) => {
    const result: ScanResult = {
      findings: list,
      notices: [],
      stats: { files: list.length, bytes: 1, commits: 1, skipped: 0, durationMs: 1 },
    };
    for (const [format, output] of outputsOf(result)) {
      secrets.forEach(({ secret }, i) => {
        expect(output, `${format} holds a whole key`).not.toContain(secret);
        for (const piece of hiddenPieces(secret, findings[i]!.redacted)) {
          expect(output.includes(piece), `${format} holds part of a key: ${findings[i]!.redacted}`).toBe(false);
        }
      });
    }
  });
});
