import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import type { Finding } from '../../src/types.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);
const scanText = (path: string, text: string): Finding[] => scan({ path, text, startLine: 1 });
const byId = (id: string) => detectors.find((d) => d.id === id)!;
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

describe('vendor keys found only beside their vendor’s name', () => {
  const rng = seededRng(31);
  const mistral = `${rng.string(ALNUM, 14)}Q4${rng.string(ALNUM, 16)}`;
  const hex32 = `${rng.string(HEX, 15)}a7${rng.string(HEX, 15)}`;

  it('are low confidence, and named better than the generic rule on the same line', () => {
    // Redaction keeps at most the fixed head two keys share (Clerk's `sk_live_`), never their random part.
    for (const d of detectors.filter((x) => x.examples.assignedTo && x.confidence === 'low')) {
      const [a, b] = [seededRng(1), seededRng(2)].map((r) => d.examples.positive(r)[0]!);
      expect(d.redactPrefix?.(a!) ?? '', d.id).toBe(d.redactPrefix?.(b!) ?? '');
    }
    expect(byId('mistral-api-key').confidence).toBe('low');
    expect(byId('replicate-api-token').confidence).toBeUndefined();
    expect(scanText('.env', `MISTRAL_API_KEY=${mistral}\n`).map((f) => f.detector)).toEqual(['mistral-api-key']);
    expect(scanText('.env', `SEARCH_API_KEY=${mistral}\n`).map((f) => f.detector)).toEqual(['generic-secret']);
  });

  it('read the name in the spellings code uses, and past a column of blanks', () => {
    const lines = [
      `export DD_API_KEY=${hex32}`,
      `  ddApiKey: "${hex32}"`,
      `datadog-api-key: ${hex32}`,
      `\tDatadogApiKey                = "${hex32}"`,
      `TF_VAR_datadog_api_key="${hex32}"`,
      `os.environ.setdefault("DD_API_KEY", "${hex32}")`,
    ];
    for (const line of lines) {
      expect(
        scanText('config.txt', `${line}\n`).map((f) => f.detector),
        line,
      ).toEqual(['datadog-api-key']);
    }
  });

  it('leave a name that only contains the vendor’s name, or the wrong length, to the generic rule', () => {
    expect(scanText('.env', `ADD_API_KEY=${hex32}\n`).map((f) => f.detector)).toEqual(['generic-secret']);
    expect(scanText('.env', `DD_API_KEY_ID=${hex32}\n`).map((f) => f.detector)).not.toContain('datadog-api-key');
    expect(scanText('.env', `DD_API_KEY=${hex32}ab\n`).map((f) => f.detector)).not.toContain('datadog-api-key');
  });

  it('leave a bare `sk-` + 32 hex alone: it is DeepSeek’s only under DeepSeek’s name', () => {
    const key = `sk-${hex32}`;
    expect(scanText('.env', `DEEPSEEK_API_KEY=${key}\n`).map((f) => f.detector)).toEqual(['deepseek-api-key']);
    expect(scanText('.env', `DASHSCOPE_API_KEY=${key}\n`)).toEqual([]);
  });
});

describe('prefixed vendor keys', () => {
  it('keep only the prefix and the last characters in the redacted form', () => {
    const key = `r8_${seededRng(4).string(ALNUM, 17)}Hb5${seededRng(5).string(ALNUM, 17)}`;
    const [finding] = scanText('.env', `REPLICATE_API_TOKEN=${key}\n`);
    expect(finding?.detector).toBe('replicate-api-token');
    expect(finding?.redacted).toBe(`r8_…${key.slice(-4)}`);
  });

  it('do not fire inside a longer word or on a Stripe key', () => {
    const hex48 = seededRng(6).string(HEX, 47) + '1';
    expect(scanText('a.py', `task_${hex48} = 1\n`)).toEqual([]);
    expect(scanText('a.ts', `const h = { 'x-api-3f2b1c4d-1a2b-4c3d-8e9f-0a1b2c3d4e5f': 1 };\n`)).toEqual([]);
    expect(scanText('a.css', `.spa-${seededRng(7).string(ALNUM, 43)} {}\n`)).toEqual([]);
  });
});

describe('linear time on hostile lines of the new keywords', () => {
  const MB = 1_000_000;
  const lines: [string, string][] = [
    ['api-', 'api-'.repeat(MB / 4)],
    ['sdk-0', `sdk-${'0'.repeat(MB)}`],
    ['pa-', `pa-${'a'.repeat(MB)}`],
    ['sk_', `sk_${'a1'.repeat(MB / 2)}`],
    ['dt0c01.', `dt0c01.${'A'.repeat(MB)}`],
    ['DD_API_KEY=', 'DD_API_KEY='.repeat(MB / 11)],
    ['rollbar token', `rollbar_token ${' '.repeat(MB)}`],
    ['wandb_v1_', `wandb_v1_${'a_'.repeat(MB / 2)}`],
    ['sk-helicone-', `sk-helicone-${'abcdef1-'.repeat(MB / 8)}`],
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
