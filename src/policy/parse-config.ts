import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './config-schema.js';

/** A config file that cannot be used; the message names the field and the value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `.github/key-hygiene.yml` text into a typed config, or throws a one-line ConfigError. */
export function parseConfig(text: string, source = '.github/key-hygiene.yml'): Config {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: false }) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    throw new ConfigError(`${source}: not valid YAML${where}`);
  }
  return validateConfig(data, source);
}

/** Checks an already-parsed object (e.g. what Probot's context.config returns). */
export function validateConfig(data: unknown, source = '.github/key-hygiene.yml'): Config {
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ConfigError(`${source}: ${describeIssue(result.error.issues[0]!, data)}`);
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${issue.path.join('.')}.` : '';
    return `unknown field '${at}${issue.keys[0]}'`;
  }
  const field = issue.path.join('.') || '(top level)';
  const value = valueAt(data, issue.path);
  const shown = value === undefined ? 'nothing' : JSON.stringify(value)?.slice(0, 80);
  return `field '${field}' is ${shown}: ${issue.message}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
