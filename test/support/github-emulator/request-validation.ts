import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { HttpError } from './http-error.js';
import { pointerPart, subset, toJsonSchema, type SubsetOperation } from './openapi-schema.js';
import type { Route } from './router.js';

// Requests are checked against GitHub's OpenAPI description (openapi-subset.json) before a handler
// runs, so a client that misspells a parameter, sends a wrong type or a value GitHub does not offer
// fails here instead of passing a kind emulator. GitHub answers a bad body with 422 "Invalid
// request." and names the field; it silently ignores unknown query parameters and caps `per_page`,
// which is exactly how a mistaken call goes unnoticed on GitHub — the emulator refuses both.
// https://docs.github.com/rest/using-the-rest-api/troubleshooting-the-rest-api

const ajv = new Ajv({ strict: false, allErrors: true });
addFormatsModule.default(ajv);
// GitHub's own format for `owner/name` (a pull request's `head_repo`): checked as GitHub writes it.
ajv.addFormat('repo.nwo', /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/);
ajv.addSchema(toJsonSchema(subset) as object, 'openapi-request');
const compiled = new Map<string, ValidateFunction>();

/** GitHub's operation for a route, or undefined when the description has none (a test fails then). */
export const operationOf = (route: Pick<Route, 'method' | 'path'>): SubsetOperation | undefined =>
  subset.paths[route.path]?.[route.method.toLowerCase()];

const invalid = (detail: string): HttpError => new HttpError(422, `Invalid request.\n\n${detail}`);

/** `per_page` is at most 100, and 30 for Actions variables (each parameter's description says so). */
function pageMax(route: Route): number {
  return /\/variables$/.test(route.path) ? 30 : 100;
}

function checkQueryValue(route: Route, name: string, value: string, schema: Record<string, unknown>): void {
  const type = schema.type;
  if (type === 'integer') {
    if (!/^-?\d{1,15}$/.test(value)) throw invalid(`For '${name}', "${value}" is not an integer.`);
    const number = Number(value);
    const max = name === 'per_page' ? pageMax(route) : (schema.maximum as number | undefined);
    const min = name === 'per_page' || name === 'page' ? 1 : (schema.minimum as number | undefined);
    if (min !== undefined && number < min) throw invalid(`For '${name}', ${value} is less than the minimum of ${min}.`);
    if (max !== undefined && number > max) throw invalid(`For '${name}', ${value} is more than the maximum of ${max}.`);
  } else if (type === 'boolean') {
    if (value !== 'true' && value !== 'false') throw invalid(`For '${name}', "${value}" is not a boolean.`);
  }
  const allowed = schema.enum as unknown[] | undefined;
  if (allowed && !allowed.includes(value))
    throw invalid(`For '${name}', "${value}" is not one of ${allowed.join(', ')}.`);
}

function checkQuery(route: Route, operation: SubsetOperation, query: URLSearchParams): void {
  const declared = new Map(operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  for (const [name, value] of query) {
    const parameter = declared.get(name);
    if (!parameter) throw invalid(`"${name}" is not a permitted query parameter.`);
    checkQueryValue(route, name, value, parameter.schema ?? {});
  }
  for (const parameter of declared.values()) {
    if (parameter.required && !query.has(parameter.name)) throw invalid(`"${parameter.name}" wasn't supplied.`);
  }
}

/** Top-level field names a body schema permits (the union over `oneOf`/`anyOf` branches). */
function permittedKeys(schema: Record<string, unknown>): Set<string> | null {
  const branches = [schema, ...((schema.oneOf ?? schema.anyOf ?? []) as Record<string, unknown>[])];
  const keys = new Set<string>();
  let objectSchema = false;
  for (const branch of branches) {
    const properties = branch.properties as Record<string, unknown> | undefined;
    if (!properties) continue;
    objectSchema = true;
    for (const key of Object.keys(properties)) keys.add(key);
  }
  return objectSchema ? keys : null;
}

function checkBody(route: Route, operation: SubsetOperation, bodyText: string, body: unknown): void {
  const request = operation.requestBody;
  if (!request) {
    if (bodyText.trim() !== '' && route.method !== 'GET' && route.method !== 'DELETE')
      throw invalid('This endpoint takes no body.');
    return;
  }
  if (bodyText.trim() === '') {
    if (request.required) throw invalid('A body is required.');
    return;
  }
  const schema = request.content['application/json'].schema;
  const keys = permittedKeys(schema);
  if (keys && body && typeof body === 'object' && !Array.isArray(body)) {
    const unknown = Object.keys(body).find((key) => !keys.has(key));
    if (unknown !== undefined) throw invalid(`"${unknown}" is not a permitted key.`);
  }
  const ref = `openapi-request#/paths/${pointerPart(route.path)}/${route.method.toLowerCase()}/requestBody/content/application~1json/schema`;
  let validate = compiled.get(ref);
  if (!validate) compiled.set(ref, (validate = ajv.compile({ $ref: ref })));
  if (!validate(body)) throw invalid(ajv.errorsText(validate.errors, { separator: '\n', dataVar: 'body' }));
}

/**
 * 422 unless the query and JSON body are what GitHub's description allows for the route. A route the
 * description does not have is refused outright (500), so no route goes unchecked.
 */
export function validateRequest(route: Route, query: URLSearchParams, bodyText: string, body: unknown): void {
  const operation = operationOf(route);
  if (!operation) throw new HttpError(500, `The emulator has no OpenAPI operation for ${route.method} ${route.path}`);
  checkQuery(route, operation, query);
  checkBody(route, operation, bodyText, body);
}
