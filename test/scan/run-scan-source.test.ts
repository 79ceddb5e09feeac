import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/policy/config-schema.js';
import { defaultConfig } from '../../src/policy/default-config.js';
import { runScan } from '../../src/scan/run-scan.js';
import type { FragmentSource } from '../../src/sources/source.js';
import type { Fragment } from '../../src/types.js';
import { makeKey } from '../support/make-keys.js';

const config: Config = {
  ...defaultConfig,
  scan: { ...defaultConfig.scan, allow: { ...defaultConfig.scan.allow, paths: ['vendor/**'] } },
};

/** A source that is neither the tree nor git: what runScan is handed is all it knows. */
function memorySource(fragments: Fragment[]): FragmentSource {
  return {
    async *fragments() {
      yield* fragments;
    },
    commits: () => 2,
    facts: async () => ({
      envFiles: ['.env', 'vendor/.env'],
      notices: [{ path: '', reason: 'shallow', message: 'history cut short' }],
      shallowBoundary: ['a'.repeat(40)],
    }),
  };
}

describe('runScan with a source of its own', () => {
  it('scans what an in-memory source yields, reports the key once, and adds what the source says about itself', async () => {
    const key = makeKey('openai-project-key', 41);
    const text = `const a = 1;\nOPENAI_API_KEY=${key}\n`;
    const source = memorySource([
      { path: 'config/app.js', text, startLine: 10 },
      { path: 'vendor/lib.js', text, startLine: 1 },
    ]);

    const result = await runScan({ source, config });

    expect(result.findings.map((f) => [f.detector, f.path, f.line])).toEqual([
      ['openai-project-key', 'config/app.js', 11],
      ['hygiene-env-file', '.env', 1],
    ]);
    expect(result.notices).toEqual([{ path: '', reason: 'shallow', message: 'history cut short' }]);
    expect(result.stats).toMatchObject({ files: 1, commits: 2, skipped: 0, shallowBoundary: ['a'.repeat(40)] });
    expect(JSON.stringify(result)).not.toContain(key);
  });
});
