import { describe, expect, it } from 'vitest';
import { detectors } from '../../src/detectors/registry.js';
import { createScanner } from '../../src/scan/scanner.js';
import { seededRng } from '../support/seeded-rng.js';

const scan = createScanner(detectors);

describe('createScanner', () => {
  it('finds a key and reports it redacted, with line and column', () => {
    const [key] = detectors.find((d) => d.id === 'openai-project-key')!.examples.positive(seededRng(1));
    const findings = scan({ path: 'a/.env', text: `# config\nOPENAI_API_KEY=${key}\n`, startLine: 1 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ detector: 'openai-project-key', line: 2, column: 16, path: 'a/.env' });
    expect(findings[0]!.redacted).toBe(`sk-proj-…${key!.slice(-4)}`);
    expect(JSON.stringify(findings)).not.toContain(key!.slice(8, 30));
  });
});

describe('createScanner on encoded and awkward text', () => {
  const key = (id: string, seed = 3) => detectors.find((d) => d.id === id)!.examples.positive(seededRng(seed))[0]!;

  it("finds a key inside a Kubernetes Secret's base64 data, and inside base64 of base64", () => {
    const openai = key('openai-project-key');
    const once = Buffer.from(openai).toString('base64');
    const twice = Buffer.from(`OPENAI_API_KEY=${openai}\n`).toString('base64');
    const yaml = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: llm\ndata:\n  OPENAI_API_KEY: ${once}\n  env: ${Buffer.from(twice).toString('base64')}\n`;
    const findings = scan({ path: 'k8s/secret.yaml', text: yaml, startLine: 1 });
    expect(findings.map((f) => [f.detector, f.line, f.decodedFrom])).toEqual([
      ['openai-project-key', 6, 'base64'],
      ['openai-project-key', 7, 'base64'],
    ]);
    expect(JSON.stringify(findings)).not.toContain(once.slice(10, 30));
  });

  it('leaves base64 alone where nothing says encoded data follows', () => {
    const encoded = Buffer.from(key('openai-project-key')).toString('base64');
    expect(scan({ path: 'a.txt', text: `blob ${encoded}\n`, startLine: 1 })).toEqual([]);
  });

  it('reports a provider key once, not again as a generic secret, and honours inline allows', () => {
    const anthropic = key('anthropic-api-key');
    expect(
      scan({ path: '.env', text: `ANTHROPIC_API_KEY=${anthropic}\r\n`, startLine: 1 }).map((f) => f.detector),
    ).toEqual(['anthropic-api-key']);
    expect(scan({ path: '.env', text: `ANTHROPIC_API_KEY=${anthropic} # gitleaks:allow\n`, startLine: 1 })).toEqual([]);
    expect(scan({ path: '.env', text: `ANTHROPIC_API_KEY=${anthropic} # key-hygiene:allow\n`, startLine: 1 })).toEqual(
      [],
    );
  });

  it("uses a diff fragment's own line numbers", () => {
    const findings = scan({
      path: 'a.py',
      text: `x = 1\nKEY = "${key('openai-user-key')}"\n`,
      startLine: 1,
      lineNumbers: [10, 42],
    });
    expect(findings[0]).toMatchObject({ line: 42, column: 8 });
  });
});
