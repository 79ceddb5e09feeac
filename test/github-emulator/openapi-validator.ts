import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { pointerPart, subset, toJsonSchema } from '../support/github-emulator/openapi-schema.js';

export { subset, toJsonSchema };

// Other OpenAPI keywords ajv does not know (discriminator) are ignored: strict off.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormatsModule.default(ajv);
ajv.addSchema(toJsonSchema(subset) as object, 'openapi-subset');

const compiled = new Map<string, ValidateFunction>();

/** Whether the subset documents this status for the operation (with a JSON body, or none, as a 204). */
export function documented(method: string, path: string, status: number): boolean {
  return subset.paths[path]?.[method.toLowerCase()]?.responses[String(status)] !== undefined;
}

/** Whether the subset documents this status for the operation with no body at all (a 204). */
export function documentedEmpty(method: string, path: string, status: number): boolean {
  const response = subset.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  return response !== undefined && response.content === undefined;
}

/** Validates a response body against GitHub's schema; returns ajv's errors as text, or null. */
export function validateResponse(method: string, path: string, status: number, body: unknown): string | null {
  // A status documented without content (204) must come without a body.
  if (subset.paths[path]?.[method.toLowerCase()]?.responses[String(status)]?.content === undefined)
    return body === undefined ? null : `${status} is documented without a body`;
  const ref = `openapi-subset#/paths/${pointerPart(path)}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate(body) ? null : ajv.errorsText(validate.errors, { separator: '\n' });
}
