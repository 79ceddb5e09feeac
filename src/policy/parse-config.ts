import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { configSchema, type Config } from './config-schema.js';
import { showConfigText, showConfigValue } from './show-config-input.js';
import { CONFIG_PATH } from './config-path.js';

/**
 * A config file that cannot be used; the message names the field and the value, in one line, with any
 * key in them masked (show-config-input.ts).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The largest config file read: a config is a page of YAML, and every scan compiles all of it. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Parses `.github/key-hygiene.yml` text into a typed config, or throws a one-line ConfigError. */
export function parseConfig(text: string, source = CONFIG_PATH): Config {
  if (text.length > MAX_CONFIG_BYTES)
    throw new ConfigError(
      `${source}: ${text.length} characters, more than a config may hold (${MAX_CONFIG_BYTES / 1024} KiB)`,
    );
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
export function validateConfig(data: unknown, source = CONFIG_PATH): Config {
  const result = configSchema.safeParse(data);
  if (result.success) return result.data;
  throw new ConfigError(`${source}: ${describeIssue(result.error.issues[0]!, data)}`);
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  // Field names are config input too (a `severity:` map's keys, a mistyped field): shown like values.
  const field = (path: readonly PropertyKey[]) => path.map((key) => showConfigText(String(key))).join('.');
  if (issue.code === 'unrecognized_keys') {
    const at = issue.path.length ? `${field(issue.path)}.` : '';
    return `unknown field '${at}${showConfigText(issue.keys[0] ?? '')}'`;
  }
  const value = showConfigValue(valueAt(data, issue.path));
  return `field '${field(issue.path) || '(top level)'}' is ${value}: ${showConfigText(issue.message, 300)}`;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
