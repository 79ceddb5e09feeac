import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const subsetPath = new URL('../support/github-emulator/openapi-subset.json', import.meta.url);

interface Subset {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
}

export const subset = JSON.parse(readFileSync(subsetPath, 'utf8')) as Subset;

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: ajv rejects it beside `allOf`/`anyOf`. Rewrite
 * it to JSON Schema's own form — `type: [t, "null"]`, or `anyOf: [schema, { type: "null" }]`.
 */
export function toJsonSchema(value: unknown, namesProperties = false): unknown {
  if (Array.isArray(value)) return value.map((item) => toJsonSchema(item));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = toJsonSchema(inner, key === 'properties' && !namesProperties);
  if (namesProperties || out.nullable !== true) return out;
  delete out.nullable;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  return { anyOf: [out, { type: 'null' }] };
}

// Other OpenAPI keywords ajv does not know (discriminator) are ignored: strict off.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormatsModule.default(ajv);
ajv.addSchema(toJsonSchema(subset) as object, 'openapi-subset');

const pointerPart = (text: string): string => encodeURIComponent(text.replace(/~/g, '~0').replace(/\//g, '~1'));
const compiled = new Map<string, ValidateFunction>();

/** Whether the subset documents this status for the operation (with a JSON body, or none, as a 204). */
export function documented(method: string, path: string, status: number): boolean {
  return subset.paths[path]?.[method.toLowerCase()]?.responses[String(status)] !== undefined;
}

/** Validates a response body against GitHub's schema; returns ajv's errors as text, or null. */
export function validateResponse(method: string, path: string, status: number, body: unknown): string | null {
  // A status documented without content (204) must come without a body.
  if (subset.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content === undefined) return body === undefined ? null : `${status} is documented without a body`;
  const ref = `openapi-subset#/paths/${pointerPart(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate(body) ? null : ajv.errorsText(validate.errors, { separator: '\n' });
}
