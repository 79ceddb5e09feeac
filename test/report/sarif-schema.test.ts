import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsPlugin from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildSarifLog } from '../../src/report/render-sarif.js';
import type { ScanResult } from '../../src/types.js';
import { emptyResult, sampleDetectors, sampleResult } from './fixtures.js';

// The official SARIF 2.1.0 schema; sarif-schema-2.1.0.NOTICE.md says where the copy came from.
// Its $schema is draft 2020-12, hence Ajv2020. strictRequired is off because the schema lists
// required properties inside anyOf branches that declare no `properties` of their own.
const schema = JSON.parse(readFileSync(new URL('./sarif-schema-2.1.0.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
// ajv-formats is CommonJS with `exports.default`: under NodeNext the default import is typed as the
// module object, while at run time it is the plugin function itself.
const addFormats = addFormatsPlugin as unknown as (a: Ajv2020) => Ajv2020;
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(result: ScanResult, root?: string): void {
  const log = JSON.parse(
    JSON.stringify(buildSarifLog(result, { detectors: sampleDetectors, toolVersion: '0.1.0', root })),
  );
  validate(log);
  expect(validate.errors ?? []).toEqual([]);
}

describe('SARIF output against the SARIF 2.1.0 schema', () => {
  it('the schema is the 2.1.0 one', () => {
    expect(schema.title).toBe('Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema');
  });

  it('accepts a run with findings, notices, history fields and paths with spaces and non-ASCII', () => {
    expectValid(sampleResult);
  });

  it('accepts an empty run', () => {
    expectValid(emptyResult);
  });

  it('accepts a run with a known root, and notices without a path', () => {
    const notices = [
      ...sampleResult.notices,
      { path: '', reason: 'config' as const, message: 'Unknown key "colour".' },
    ];
    expectValid({ ...sampleResult, notices }, '/tmp/scan root/ü');
  });

  it('rejects what is not SARIF (the validator is not a no-op)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
  });

  it('checks formats too (ajv-formats is loaded)', () => {
    expect(
      validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x', informationUri: 'not a uri' } } }] }),
    ).toBe(false);
  });
});
