#!/usr/bin/env node
// Extracts from GitHub's OpenAPI description (@octokit/openapi) the operations the local GitHub
// emulator serves, with their parameters, JSON request body and JSON response schemas and every component schema they reference, into
// test/support/github-emulator/openapi-subset.json. The conformance test validates emulator answers
// against that subset, so tests never load the full description (tens of MB).
//
// Run: node scripts/openapi-subset.mjs   (after changing OPERATIONS or upgrading @octokit/openapi)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specPath = require.resolve('@octokit/openapi/generated/api.github.com.json');
const outPath = join(root, 'test/support/github-emulator/openapi-subset.json');

/** Every route in test/support/github-emulator/routes; the conformance test fails if one is missing. */
export const OPERATIONS = [
  'GET /app',
  'GET /app/installations',
  'GET /app/installations/{installation_id}',
  'POST /app/installations/{installation_id}/access_tokens',
  'GET /repos/{owner}/{repo}/installation',
  'GET /orgs/{org}/installation',
  'GET /users/{username}/installation',
  'GET /installation/repositories',
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
  'GET /repos/{owner}/{repo}/contents/{path}',
  'GET /orgs/{org}',
  'GET /orgs/{org}/repos',
  'GET /orgs/{org}/teams',
  'GET /orgs/{org}/teams/{team_slug}/members',
  'GET /users/{username}',
  'GET /rate_limit',
  'GET /repos/{owner}/{repo}/actions/secrets',
  'GET /repos/{owner}/{repo}/actions/secrets/{secret_name}',
  'GET /repos/{owner}/{repo}/actions/organization-secrets',
  'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets',
  'GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}',
  'GET /repos/{owner}/{repo}/dependabot/secrets',
  'GET /orgs/{org}/actions/secrets',
  'GET /orgs/{org}/actions/secrets/{secret_name}',
  'GET /orgs/{org}/actions/secrets/{secret_name}/repositories',
  'GET /orgs/{org}/dependabot/secrets',
  'GET /repos/{owner}/{repo}/environments',
  'GET /repos/{owner}/{repo}/environments/{environment_name}',
  'GET /repos/{owner}/{repo}/actions/variables',
  'GET /repos/{owner}/{repo}/environments/{environment_name}/variables',
  'GET /repos/{owner}/{repo}/actions/organization-variables',
  'GET /orgs/{org}/actions/variables',
  'GET /repos/{owner}/{repo}/issues',
  'POST /repos/{owner}/{repo}/issues',
  'GET /repos/{owner}/{repo}/issues/{issue_number}',
  'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/assignees',
  'GET /repos/{owner}/{repo}/assignees/{assignee}',
  'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
  'GET /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  'GET /repos/{owner}/{repo}/labels',
  'POST /repos/{owner}/{repo}/labels',
  'GET /repos/{owner}/{repo}/labels/{name}',
  'DELETE /repos/{owner}/{repo}/labels/{name}',
  'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
  'DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}',
  'POST /repos/{owner}/{repo}/check-runs',
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  'GET /repos/{owner}/{repo}/commits',
  'GET /repos/{owner}/{repo}/commits/{ref}',
  'GET /repos/{owner}/{repo}/compare/{basehead}',
  'GET /repos/{owner}/{repo}/collaborators',
  'GET /orgs/{org}/teams/{team_slug}/memberships/{username}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'POST /repos/{owner}/{repo}/git/refs',
  'PUT /repos/{owner}/{repo}/contents/{path}',
  'GET /repos/{owner}/{repo}/pulls',
  'POST /repos/{owner}/{repo}/pulls',
  'GET /repos/{owner}/{repo}/pulls/{pull_number}',
  'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  'GET /repos/{owner}/{repo}/secret-scanning/alerts',
  'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}',
  'GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations',
];

/** Prose and examples make up most of the description and validate nothing. */
const DROP = new Set(['description', 'example', 'examples', 'summary', 'externalDocs']);

function strip(value, namesProperties = false) {
  if (Array.isArray(value)) return value.map((item) => strip(item));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, inner] of Object.entries(value)) {
    // Keys of `properties` are field names (a repository has a `description` field): keep them all.
    if (!namesProperties && (DROP.has(key) || key.startsWith('x-'))) continue;
    out[key] = strip(inner, key === 'properties' && !namesProperties);
  }
  return out;
}

function resolveRef(spec, ref) {
  return ref
    .slice(2)
    .split('/')
    .reduce((node, part) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
}

/** Component schema names referenced from `value`, followed transitively. */
function collectSchemas(spec, value, seen = new Set()) {
  if (Array.isArray(value)) value.forEach((item) => collectSchemas(spec, item, seen));
  else if (value && typeof value === 'object') {
    const ref = value.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!seen.has(name)) {
        seen.add(name);
        collectSchemas(spec, spec.components.schemas[name], seen);
      }
    }
    Object.values(value).forEach((inner) => collectSchemas(spec, inner, seen));
  }
  return seen;
}

function extractOperation(spec, method, path) {
  const operation = spec.paths[path]?.[method.toLowerCase()];
  if (!operation) throw new Error(`${method} ${path} is not in GitHub's OpenAPI description`);
  const responses = {};
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const resolved = response.$ref ? resolveRef(spec, response.$ref) : response;
    const schema = resolved?.content?.['application/json']?.schema;
    responses[status] = schema ? { content: { 'application/json': { schema } } } : {};
  }
  // Parameters and the JSON body keep their schemas: the emulator validates requests against them.
  const parameters = (operation.parameters ?? [])
    .map((p) => (p.$ref ? resolveRef(spec, p.$ref) : p))
    .map((p) => ({ name: p.name, in: p.in, required: p.required === true, schema: p.schema }));
  const body = operation.requestBody?.$ref ? resolveRef(spec, operation.requestBody.$ref) : operation.requestBody;
  const bodySchema = body?.content?.['application/json']?.schema;
  const requestBody = bodySchema
    ? { required: body.required === true, content: { 'application/json': { schema: bodySchema } } }
    : undefined;
  return { operationId: operation.operationId, parameters, ...(requestBody ? { requestBody } : {}), responses };
}

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const paths = {};
for (const entry of OPERATIONS) {
  const [method, path] = entry.split(' ');
  paths[path] ??= {};
  paths[path][method.toLowerCase()] = extractOperation(spec, method, path);
}
const names = [...collectSchemas(spec, paths)].sort();
const schemas = Object.fromEntries(names.map((name) => [name, strip(spec.components.schemas[name])]));
const subset = {
  '//': 'GENERATED by scripts/openapi-subset.mjs from @octokit/openapi — do not edit by hand.',
  openapi: spec.openapi,
  info: {
    title: spec.info.title,
    version: spec.info.version,
    source: `@octokit/openapi@${require('@octokit/openapi/package.json').version}`,
  },
  paths: strip(paths),
  components: { schemas },
};
writeFileSync(outPath, `${JSON.stringify(subset, null, 1)}\n`);
console.log(`wrote ${outPath}: ${OPERATIONS.length} operations, ${names.length} schemas`);
