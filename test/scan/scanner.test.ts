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
